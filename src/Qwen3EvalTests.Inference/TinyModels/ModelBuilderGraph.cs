using Onnx;
using static Qwen3EvalTests.Inference.TinyModels.OnnxGraphBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// The decoder as onnxruntime-genai's model builder writes a Qwen3 export for <c>-p int4 -e cpu</c> (builders/base.py):
/// IR 10, opsets {"": 21, "com.microsoft": 1}; attention_mask → seqlens_k (ReduceSum − 1, int32) and total_seq_len
/// (Shape[1], int32); per layer SimplifiedLayerNormalization (layer 0) or SkipSimplifiedLayerNormalization, one packed
/// q/k/v MatMulNBits + Split, q/k-norm as Reshape → SimplifiedLayerNormalization → Reshape, GroupQueryAttention with
/// the rotary embedding fused (do_rotary 1, cos/sin caches) over a KV buffer GenAI shares between past and present,
/// MatMulNBits o_proj and SwiGLU MLP; final SkipSimplifiedLayerNormalization and a MatMulNBits LM head. No position_ids.
/// Every linear layer is MatMulNBits (bits 4, block_size 32, accuracy_level 4, symmetric).
/// </summary>
internal sealed class ModelBuilderGraph
{
    private const int AccuracyLevel = 4;

    private readonly TinyModelSpec spec;
    private readonly int vocabSize;
    private readonly TinyModelWeights weights;
    private readonly OnnxGraphBuilder g = new("main_graph", constantsAsNodes: true);

    private ModelBuilderGraph(TinyModelSpec spec, int vocabSize, TinyModelWeights weights)
    {
        this.spec = spec;
        this.vocabSize = vocabSize;
        this.weights = weights;
    }

    /// <param name="logitBias">Added to every logits row when any entry is non-zero (a planted answer); the builder has no LM-head bias for Qwen.</param>
    /// <param name="float16Logits">Cast the logits to float16 at the end (what a CUDA export returns).</param>
    public static ModelProto Build(TinyModelSpec spec, int vocabSize, TinyModelWeights weights, float[] logitBias, bool float16Logits)
    {
        spec.Validate();
        var graph = new ModelBuilderGraph(spec, vocabSize, weights);
        graph.BuildGraph(logitBias, float16Logits);
        var model = new ModelProto
        {
            IrVersion = 10,
            ProducerName = "Qwen3EvalTests.TinyModelGenerator (onnxruntime-genai model builder layout)",
            ProducerVersion = TinyModelSpec.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Graph = graph.g.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 21 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        return model;
    }

    private void BuildGraph(float[] logitBias, bool float16Logits)
    {
        int h = spec.HiddenSize, kv = spec.KvHeads, d = spec.HeadDim;
        g.Input("input_ids", DataType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", DataType.Int64, "batch_size", "total_sequence_length");
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            g.Input($"past_key_values.{layer}.key", DataType.Float, "batch_size", $"{kv}", "past_sequence_length", $"{d}");
            g.Input($"past_key_values.{layer}.value", DataType.Float, "batch_size", $"{kv}", "past_sequence_length", $"{d}");
        }

        g.Output("logits", float16Logits ? DataType.Float16 : DataType.Float, "batch_size", spec.PruneLmHead ? "1" : "sequence_length", $"{vocabSize}");
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            g.Output($"present.{layer}.key", DataType.Float, "batch_size", $"{kv}", "total_sequence_length", $"{d}");
            g.Output($"present.{layer}.value", DataType.Float, "batch_size", $"{kv}", "total_sequence_length", $"{d}");
        }

        var (seqlensK, totalSequenceLength) = AttentionMaskReformatting();
        var (cosHalf, sinHalf) = Qwen3Hyperparameters.RotaryCaches(spec.ContextLength, d);
        var cos = g.Floats("cos_cache", cosHalf, spec.ContextLength, d / 2);
        var sin = g.Floats("sin_cache", sinHalf, spec.ContextLength, d / 2);

        g.Floats("model.embed_tokens.weight", weights.Embedding.RowMajor(), vocabSize, h);
        var x = g.Node("Gather", ["model.embed_tokens.weight", "input_ids"], attributes: Int("axis", 0));
        var residual = x;
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            var w = weights.Layers[layer];
            var prefix = $"model.layers.{layer}";
            string normed;
            if (layer == 0)
            {
                normed = SimplifiedLayerNorm(x, $"{prefix}.input_layernorm.weight", w.InputNorm);
            }
            else
            {
                (normed, residual) = SkipSimplifiedLayerNorm(x, residual, $"{prefix}.input_layernorm.weight", w.InputNorm);
            }

            var attention = Attention(layer, w, normed, seqlensK, totalSequenceLength, cos, sin);
            (normed, residual) = SkipSimplifiedLayerNorm(attention, residual, $"{prefix}.post_attention_layernorm.weight", w.PostAttentionNorm);
            var gate = MatMulNBits(normed, $"{prefix}.mlp.gate_proj", w.Gate);
            var up = MatMulNBits(normed, $"{prefix}.mlp.up_proj", w.Up);
            var silu = g.Node("Mul", [gate, g.Node("Sigmoid", [gate])]);
            x = MatMulNBits(g.Node("Mul", [silu, up]), $"{prefix}.mlp.down_proj", w.Down);
        }

        var (final, _) = SkipSimplifiedLayerNorm(x, residual, "model.norm.weight", weights.FinalNorm);
        if (spec.PruneLmHead)
        {
            // prune_lm_head: Gather(axis=1, -1) + Unsqueeze(1) keeps the last position only, [B, 1, H].
            final = g.Node("Unsqueeze", [g.Node("Gather", [final, g.Int64Scalar(-1)], attributes: Int("axis", 1)), g.Int64Vector(1)]);
        }

        var logits = MatMulNBits(final, "lm_head", weights.Embedding);
        if (logitBias.Any(value => value != 0))
        {
            logits = g.Node("Add", [logits, g.Floats("lm_head.bias", logitBias, vocabSize)]);
        }

        g.Node(float16Logits ? "Cast" : "Identity", [logits], "logits", float16Logits ? [Int("to", (long)DataType.Float16)] : []);
    }

    private (string SeqlensK, string TotalSequenceLength) AttentionMaskReformatting()
    {
        var sum = g.Node("ReduceSum", ["attention_mask", g.Int64Vector(1)], attributes: Int("keepdims", 0));
        var seqlensK = g.Node("Cast", [g.Node("Sub", [sum, g.Int64Vector(1)])], attributes: Int("to", (long)DataType.Int32));
        var total = g.Node("Gather", [g.Node("Shape", ["attention_mask"]), g.Int64Scalar(1)], attributes: Int("axis", 0));
        return (seqlensK, g.Node("Cast", [total], attributes: Int("to", (long)DataType.Int32)));
    }

    private string Attention(int layer, TinyLayerWeights w, string normed, string seqlensK, string totalSequenceLength, string cos, string sin)
    {
        int n = spec.Heads, kv = spec.KvHeads, d = spec.HeadDim;
        var prefix = $"model.layers.{layer}.attn";
        var qkv = MatMulNBits(normed, $"{prefix}.qkv_proj", Int4Matrix.StackRows(w.Q, w.K, w.V));
        var parts = g.NodeWithOutputs("Split", "", [qkv, g.Int64Vector(n * d, kv * d, kv * d)], 3, Int("axis", -1));
        var q = QkNorm(parts[0], n, $"{prefix}.q_norm.layernorm.weight", w.QNorm);
        var k = QkNorm(parts[1], kv, $"{prefix}.k_norm.layernorm.weight", w.KNorm);
        var output = $"gqa_{layer}";
        g.NodeIn(
            "GroupQueryAttention",
            "com.microsoft",
            [q, k, parts[2], $"past_key_values.{layer}.key", $"past_key_values.{layer}.value", seqlensK, totalSequenceLength, cos, sin],
            [output, $"present.{layer}.key", $"present.{layer}.value"],
            Int("num_heads", n),
            Int("kv_num_heads", kv),
            Float("scale", 1f / MathF.Sqrt(d)),
            Int("local_window_size", -1),
            Float("softcap", 0f),
            Int("do_rotary", 1),
            Int("rotary_interleaved", 0));
        return MatMulNBits(output, $"{prefix}.o_proj", w.O);
    }

    /// <summary>Reshape [0, -1, d] → SimplifiedLayerNormalization per head → Reshape [0, -1, heads·d] (the CPU export's q/k-norm).</summary>
    private string QkNorm(string projected, int heads, string weightName, float[] weight)
    {
        var perHead = g.Node("Reshape", [projected, g.Int64Vector(0, -1, spec.HeadDim)]);
        var normed = SimplifiedLayerNorm(perHead, weightName, weight);
        return g.Node("Reshape", [normed, g.Int64Vector(0, -1, heads * spec.HeadDim)]);
    }

    private string SimplifiedLayerNorm(string x, string weightName, float[] weight)
    {
        g.Floats(weightName, weight, weight.Length);
        return g.Node("SimplifiedLayerNormalization", [x, weightName], attributes: [Float("epsilon", Qwen3Hyperparameters.NormEpsilon), Int("axis", -1), Int("stash_type", 1)]);
    }

    /// <summary>SkipSimplifiedLayerNormalization: outputs [normalized, "", "", input + skip] as the builder wires them.</summary>
    private (string Normed, string Residual) SkipSimplifiedLayerNorm(string x, string skip, string weightName, float[] weight)
    {
        g.Floats(weightName, weight, weight.Length);
        var normed = $"skip_norm_{g.Graph.Node.Count}";
        var sum = $"{normed}_residual";
        g.NodeIn("SkipSimplifiedLayerNormalization", "com.microsoft", [x, skip, weightName], [normed, "", "", sum], Float("epsilon", Qwen3Hyperparameters.NormEpsilon));
        return (normed, sum);
    }

    private string MatMulNBits(string input, string name, Int4Matrix weight)
    {
        var blocks = weight.BlocksPerRow;
        var b = g.Bytes($"{name}.MatMul.weight_Q4", weight.PackedBlocks(), weight.Rows, blocks, Int4Matrix.BlobSize);
        var scales = g.Floats($"{name}.MatMul.weight_scales", weight.Scales(), weight.Rows * blocks);
        return g.NodeIn(
            "MatMulNBits",
            "com.microsoft",
            [input, b, scales],
            Int("K", weight.Columns),
            Int("N", weight.Rows),
            Int("bits", 4),
            Int("block_size", Int4Matrix.BlockSize),
            Int("accuracy_level", AccuracyLevel));
    }
}
