using System.Buffers.Binary;
using Onnx;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

/// <summary>The builder-shaped exports: the operators the model builder writes, lossless int4 weights, the same answers as legacy.</summary>
public sealed class TinyModelExportTests
{
    private static readonly string[] Letters = [" A", " B", " C", " D"];

    [Fact]
    public void CpuInt4GraphHasTheOperatorsOfABuilderExport()
    {
        var spec = TinyModelFixture.BytesSpec;
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(TinyModelFixture.Folder(spec), "model.onnx")));
        var ops = model.Graph.Node.GroupBy(node => node.Domain.Length == 0 ? node.OpType : $"{node.Domain}::{node.OpType}").ToDictionary(g => g.Key, g => g.Count());

        ops["com.microsoft::GroupQueryAttention"].Should().Be(spec.Layers);
        ops["com.microsoft::MatMulNBits"].Should().Be(5 * spec.Layers + 1, "qkv, o, gate, up and down per layer, plus the LM head");
        ops["SimplifiedLayerNormalization"].Should().Be(1 + 2 * spec.Layers, "layer 0's input norm and q/k norms");
        ops["com.microsoft::SkipSimplifiedLayerNormalization"].Should().Be(2 * spec.Layers, "every later norm including the final one");
        ops.Should().NotContainKeys("Softmax", "Concat", "MatMul");
        model.Graph.Input.Select(input => input.Name).Should().NotContain("position_ids");
        model.OpsetImport.Select(o => (o.Domain, o.Version)).Should().BeEquivalentTo([("", 21L), ("com.microsoft", 1L)]);
        model.IrVersion.Should().Be(10);
        model.Graph.Initializer.Should().OnlyContain(t => t.DataLocation == TensorProto.Types.DataLocation.External);

        var attention = model.Graph.Node.First(node => node.OpType == "GroupQueryAttention");
        attention.Attribute.Single(a => a.Name == "do_rotary").I.Should().Be(1);
        attention.Input[7].Should().Be("cos_cache");
        var matMul = model.Graph.Node.First(node => node.OpType == "MatMulNBits");
        matMul.Attribute.ToDictionary(a => a.Name, a => a.I).Should().Contain(new Dictionary<string, long> { ["bits"] = 4, ["block_size"] = 32, ["accuracy_level"] = 4 });
    }

    [Fact]
    public void Int4WeightsDecodeExactlyToTheLegacyGraphsFloatWeights()
    {
        var spec = TinyModelFixture.BytesSpec;
        var int4Folder = TinyModelFixture.Folder(spec);
        var int4 = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(int4Folder, "model.onnx")));
        var legacy = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy")), "model.onnx")));
        var data = File.ReadAllBytes(Path.Combine(int4Folder, "model.onnx.data"));
        byte[] External(string name)
        {
            var tensor = int4.Graph.Initializer.Single(t => t.Name == name);
            var entries = tensor.ExternalData.ToDictionary(e => e.Key, e => e.Value);
            entries["location"].Should().Be("model.onnx.data");
            return data.AsSpan(int.Parse(entries["offset"], System.Globalization.CultureInfo.InvariantCulture), int.Parse(entries["length"], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        // MatMulNBits (bits 4, symmetric): B uint8 [N, blocks, 16], element 2i in the low nibble, w = (q - 8) · scale[n, block].
        var packed = External("model.layers.0.attn.qkv_proj.MatMul.weight_Q4");
        var scales = External("model.layers.0.attn.qkv_proj.MatMul.weight_scales");
        var legacyQ = legacy.Graph.Initializer.Single(t => t.Name == "model.layers.0.self_attn.q_proj.weight");
        int k = spec.HiddenSize, n = spec.Heads * spec.HeadDim, blocks = (k + 31) / 32;
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < k; column++)
            {
                var index = (row * blocks * 32 + column) / 2;
                var q = column % 2 == 0 ? packed[index] & 0xF : packed[index] >> 4;
                var scale = BinaryPrimitives.ReadSingleLittleEndian(scales.AsSpan((row * blocks + column / 32) * 4));
                var expected = BinaryPrimitives.ReadSingleLittleEndian(legacyQ.RawData.Span[(((column * n) + row) * 4)..]);
                ((q - 8) * scale).Should().Be(expected, $"q_proj[{row}, {column}]");
            }
        }
    }

    [Fact]
    public void TheSameWeightsGiveTheSameAnswersInEveryExport()
    {
        var questions = Enumerable.Range(1, 16)
            .Select(i => new LogLikelihoodRequest($"Question {i}: what is {i} times {i + 2}?\nA. {i}\nB. {i * (i + 2)}\nC. {i + 9}\nD. 0\nAnswer:", Letters))
            .ToList();
        var logProbs = new Dictionary<string, double[][]>();
        foreach (var export in TinyModelExportIds.All)
        {
            using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export)));
            logProbs[export] = model.Score(questions, TestContext.Current.CancellationToken).Select(r => r.Continuations.Select(c => c.LogProb).ToArray()).ToArray();
        }

        static int Answer(double[] scores) => Array.IndexOf(scores, scores.Max());

        // accuracy_level 4 quantizes MatMulNBits' activations to int8 on the fly, the one difference from the fp32 graph:
        // measured at most 0.027 per log-likelihood here, so a letter ahead by more than twice that must stay ahead.
        const double ActivationError = 0.05;
        logProbs["cpu-int4"].Zip(logProbs["legacy"], (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max().Should().BeLessThan(ActivationError);
        var decisive = 0;
        for (var q = 0; q < questions.Count; q++)
        {
            var legacy = logProbs["legacy"][q];
            var margin = legacy.Max() - legacy.Where((_, i) => i != Answer(legacy)).Max();
            if (margin > 2 * ActivationError)
            {
                decisive++;
                Answer(logProbs["cpu-int4"][q]).Should().Be(Answer(legacy), $"question {q + 1}: legacy's margin is {margin:F3}");
            }

            // The fp16-logits graph is the cpu-int4 graph plus a Cast: the same answer always.
            Answer(logProbs["fp16-logits"][q]).Should().Be(Answer(logProbs["cpu-int4"][q]), $"question {q + 1}");
        }

        decisive.Should().BeGreaterThan(questions.Count / 2, "most questions are not near-ties");
    }
}
