using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// Runs a tiny model.onnx with a plain ONNX Runtime session: full prompt, empty past, every position's logits. Feeds
/// position_ids only when the graph has that input (builder-shaped graphs compute positions from the mask), and reads
/// float32 or float16 logits as the graph declares them.
/// </summary>
internal static class OnnxReferenceScorer
{
    /// <summary>log p(tokens[i + 1] | tokens[0..i]) for every i.</summary>
    public static double[] NextTokenLogProbs(string folder, IReadOnlyList<int> tokens)
    {
        var logits = Logits(folder, tokens);
        var result = new double[tokens.Count - 1];
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            result[i] = LogSoftmax(logits[i])[tokens[i + 1]];
        }

        return result;
    }

    /// <summary>The logits row of every position, as float (float16 graphs widened exactly).</summary>
    public static float[][] Logits(string folder, IReadOnlyList<int> tokens)
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "genai_config.json")));
        var decoder = config.RootElement.GetProperty("model").GetProperty("decoder");
        int layers = decoder.GetProperty("num_hidden_layers").GetInt32(), kvHeads = decoder.GetProperty("num_key_value_heads").GetInt32(), headSize = decoder.GetProperty("head_size").GetInt32();

        using var session = new InferenceSession(Path.Combine(folder, "model.onnx"));
        var n = tokens.Count;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(tokens.Select(t => (long)t).ToArray(), [1, n])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), [1, n])),
        };
        if (session.InputMetadata.ContainsKey("position_ids"))
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("position_ids", new DenseTensor<long>(Enumerable.Range(0, n).Select(i => (long)i).ToArray(), [1, n])));
        }

        for (var layer = 0; layer < layers; layer++)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor($"past_key_values.{layer}.key", new DenseTensor<float>([1, kvHeads, 0, headSize])));
            inputs.Add(NamedOnnxValue.CreateFromTensor($"past_key_values.{layer}.value", new DenseTensor<float>([1, kvHeads, 0, headSize])));
        }

        using var outputs = session.Run(inputs);
        var output = outputs.First(o => o.Name == "logits");
        var isFloat16 = output.ElementType == TensorElementType.Float16;
        var dims = isFloat16 ? output.AsTensor<Float16>().Dimensions.ToArray() : output.AsTensor<float>().Dimensions.ToArray();
        var flat = isFloat16 ? output.AsTensor<Float16>().Select(value => value.ToFloat()).ToArray() : output.AsTensor<float>().ToArray();
        int positions = dims[1], vocab = dims[2];
        return Enumerable.Range(0, positions).Select(i => flat.AsSpan(i * vocab, vocab).ToArray()).ToArray();
    }

    public static double[] LogSoftmax(float[] row)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        foreach (var v in row)
        {
            sum += Math.Exp(v - max);
        }

        var logSumExp = max + Math.Log(sum);
        return row.Select(v => v - logSumExp).ToArray();
    }
}
