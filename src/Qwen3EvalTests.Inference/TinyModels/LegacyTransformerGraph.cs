using Onnx;
using static Qwen3EvalTests.Inference.TinyModels.OnnxGraphBuilder;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// The "legacy" export: a Qwen3-shaped decoder-only transformer from standard ops only, as an ONNX IR 8 / opset 17 graph
/// with GenAI's decoder interface (no past/present buffer sharing, fp32 logits, one model.onnx):
/// embedding, per layer RMSNorm, q/k/v projections with q_norm/k_norm, rotary embedding from position_ids,
/// grouped-query attention over a concatenated KV cache, causal + padding mask, o_proj, SwiGLU MLP,
/// final RMSNorm and a tied lm_head (plus a bias that plants an answer).
/// </summary>
internal sealed class LegacyTransformerGraph
{
    private readonly TinyModelSpec spec;
    private readonly int vocabSize;
    private readonly TinyModelWeights weights;
    private readonly OnnxGraphBuilder g = new("tiny_qwen3");

    private LegacyTransformerGraph(TinyModelSpec spec, int vocabSize, TinyModelWeights weights)
    {
        this.spec = spec;
        this.vocabSize = vocabSize;
        this.weights = weights;
    }

    /// <summary>Builds the model; <paramref name="logitBias"/> (length vocab) is added to every logits row.</summary>
    public static ModelProto Build(TinyModelSpec spec, int vocabSize, TinyModelWeights weights, float[] logitBias)
    {
        spec.Validate();
        var graph = new LegacyTransformerGraph(spec, vocabSize, weights);
        graph.BuildGraph(logitBias);
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "Qwen3EvalTests.TinyModelGenerator",
            ProducerVersion = TinyModelSpec.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Graph = graph.g.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model;
    }

    private void BuildGraph(float[] logitBias)
    {
        int h = spec.HiddenSize, kv = spec.KvHeads, d = spec.HeadDim;
        g.Input("input_ids", DataType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", DataType.Int64, "batch_size", "total_sequence_length");
        g.Input("position_ids", DataType.Int64, "batch_size", "sequence_length");
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            foreach (var part in new[] { "key", "value" })
            {
                g.Input($"past_key_values.{layer}.{part}", DataType.Float, "batch_size", $"{kv}", "past_sequence_length", $"{d}");
            }
        }

        g.Output("logits", DataType.Float, "batch_size", "sequence_length", $"{vocabSize}");
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            foreach (var part in new[] { "key", "value" })
            {
                g.Output($"present.{layer}.{part}", DataType.Float, "batch_size", $"{kv}", "total_sequence_length", $"{d}");
            }
        }

        var embedding = g.Floats("model.embed_tokens.weight", weights.Embedding.RowMajor(), vocabSize, h);
        var x = g.Node("Gather", ["model.embed_tokens.weight", "input_ids"], attributes: Int("axis", 0));
        var (cos, sin) = RotaryTables();
        var mask = AttentionMask();

        for (var layer = 0; layer < spec.Layers; layer++)
        {
            x = DecoderLayer(layer, weights.Layers[layer], x, cos, sin, mask);
        }

        var normed = RmsNorm(x, "model.norm.weight", weights.FinalNorm);
        var flat = g.Node("Reshape", [normed, g.Int64Vector(-1, h)]);
        var bias = g.Floats("lm_head.bias", logitBias, vocabSize);
        var logits2d = g.Node("Gemm", [flat, embedding, bias], attributes: Int("transB", 1));
        var batchSeq = g.Node("Slice", [g.Node("Shape", ["input_ids"]), g.Int64Vector(0), g.Int64Vector(2)]);
        var logitsShape = g.Node("Concat", [batchSeq, g.Int64Vector(vocabSize)], attributes: Int("axis", 0));
        g.Node("Reshape", [logits2d, logitsShape], "logits");
    }

    private string DecoderLayer(int layer, TinyLayerWeights w, string x, string cos, string sin, string mask)
    {
        int n = spec.Heads, kv = spec.KvHeads, d = spec.HeadDim;
        var prefix = $"model.layers.{layer}";
        var normed = RmsNorm(x, $"{prefix}.input_layernorm.weight", w.InputNorm);

        var q = Heads(Linear(normed, $"{prefix}.self_attn.q_proj.weight", w.Q), n, $"{prefix}.self_attn.q_norm.weight", w.QNorm, cos, sin);
        var k = Heads(Linear(normed, $"{prefix}.self_attn.k_proj.weight", w.K), kv, $"{prefix}.self_attn.k_norm.weight", w.KNorm, cos, sin);
        var vLinear = Linear(normed, $"{prefix}.self_attn.v_proj.weight", w.V);
        var v = g.Node("Transpose", [g.Node("Reshape", [vLinear, g.Int64Vector(0, 0, kv, d)])], attributes: Ints("perm", 0, 2, 1, 3));

        var presentKey = g.Node("Concat", [$"past_key_values.{layer}.key", k], $"present.{layer}.key", Int("axis", 2));
        var presentValue = g.Node("Concat", [$"past_key_values.{layer}.value", v], $"present.{layer}.value", Int("axis", 2));
        var keys = RepeatKv(presentKey);
        var values = RepeatKv(presentValue);

        var scores = g.Node("MatMul", [q, g.Node("Transpose", [keys], attributes: Ints("perm", 0, 1, 3, 2))]);
        scores = g.Node("Mul", [scores, g.FloatScalar(1f / MathF.Sqrt(d))]);
        scores = g.Node("Where", [mask, scores, g.FloatScalar(-1e9f)]);
        var probabilities = g.Node("Softmax", [scores], attributes: Int("axis", -1));
        var attended = g.Node("Transpose", [g.Node("MatMul", [probabilities, values])], attributes: Ints("perm", 0, 2, 1, 3));
        attended = g.Node("Reshape", [attended, g.Int64Vector(0, 0, n * d)]);
        x = g.Node("Add", [x, Linear(attended, $"{prefix}.self_attn.o_proj.weight", w.O)]);

        var mlpIn = RmsNorm(x, $"{prefix}.post_attention_layernorm.weight", w.PostAttentionNorm);
        var gate = Linear(mlpIn, $"{prefix}.mlp.gate_proj.weight", w.Gate);
        var up = Linear(mlpIn, $"{prefix}.mlp.up_proj.weight", w.Up);
        var silu = g.Node("Mul", [gate, g.Node("Sigmoid", [gate])]);
        var down = Linear(g.Node("Mul", [silu, up]), $"{prefix}.mlp.down_proj.weight", w.Down);
        return g.Node("Add", [x, down]);
    }

    /// <summary>[B, S, heads*d] → per-head RMSNorm → [B, heads, S, d] with rotary embedding applied.</summary>
    private string Heads(string projected, int heads, string normName, float[] normWeight, string cos, string sin)
    {
        var d = spec.HeadDim;
        var split = g.Node("Reshape", [projected, g.Int64Vector(0, 0, heads, d)]);
        var normed = RmsNorm(split, normName, normWeight);
        var transposed = g.Node("Transpose", [normed], attributes: Ints("perm", 0, 2, 1, 3));
        var firstHalf = g.Node("Slice", [transposed, g.Int64Vector(0), g.Int64Vector(d / 2), g.Int64Vector(3)]);
        var secondHalf = g.Node("Slice", [transposed, g.Int64Vector(d / 2), g.Int64Vector(d), g.Int64Vector(3)]);
        var rotated = g.Node("Concat", [g.Node("Neg", [secondHalf]), firstHalf], attributes: Int("axis", -1));
        return g.Node("Add", [g.Node("Mul", [transposed, cos]), g.Node("Mul", [rotated, sin])]);
    }

    /// <summary>[B, kv, T, d] → [B, heads, T, d], each KV head serving Heads/KvHeads query heads.</summary>
    private string RepeatKv(string cache)
    {
        var group = spec.Heads / spec.KvHeads;
        if (group == 1)
        {
            return cache;
        }

        var unsqueezed = g.Node("Unsqueeze", [cache, g.Int64Vector(2)]);
        var expanded = g.Node("Expand", [unsqueezed, g.Int64Vector(1, 1, group, 1, 1)]);
        return g.Node("Reshape", [expanded, g.Int64Vector(0, spec.Heads, -1, spec.HeadDim)]);
    }

    /// <summary>cos/sin rows for position_ids, shaped [B, 1, S, d] (HF layout: the half-table repeated twice).</summary>
    private (string Cos, string Sin) RotaryTables()
    {
        int d = spec.HeadDim, length = spec.ContextLength;
        var (cosHalf, sinHalf) = Qwen3Hyperparameters.RotaryCaches(length, d);
        var cosTable = new float[length * d];
        var sinTable = new float[length * d];
        for (var position = 0; position < length; position++)
        {
            for (var j = 0; j < d; j++)
            {
                cosTable[position * d + j] = cosHalf[position * (d / 2) + j % (d / 2)];
                sinTable[position * d + j] = sinHalf[position * (d / 2) + j % (d / 2)];
            }
        }

        var cos = g.Node("Gather", [g.Floats("rotary.cos", cosTable, length, d), "position_ids"], attributes: Int("axis", 0));
        var sin = g.Node("Gather", [g.Floats("rotary.sin", sinTable, length, d), "position_ids"], attributes: Int("axis", 0));
        var axis = g.Int64Vector(1);
        return (g.Node("Unsqueeze", [cos, axis]), g.Node("Unsqueeze", [sin, axis]));
    }

    /// <summary>Boolean [B, 1, S, T]: key j visible to query i when j ≤ past + i and attention_mask[b, j] is 1.</summary>
    private string AttentionMask()
    {
        var one = g.Int64Scalar(1);
        var total = g.Node("Gather", [g.Node("Shape", ["attention_mask"]), one], attributes: Int("axis", 0));
        var sequence = g.Node("Gather", [g.Node("Shape", ["input_ids"]), one], attributes: Int("axis", 0));
        var queryPositions = g.Node("Range", [g.Node("Sub", [total, sequence]), total, one]);
        var keyPositions = g.Node("Range", [g.Int64Scalar(0), total, one]);
        var causal = g.Node("LessOrEqual", [
            g.Node("Unsqueeze", [keyPositions, g.Int64Vector(0)]),
            g.Node("Unsqueeze", [queryPositions, g.Int64Vector(1)]),
        ]);
        var padding = g.Node("Cast", ["attention_mask"], attributes: Int("to", (long)DataType.Bool));
        padding = g.Node("Unsqueeze", [padding, g.Int64Vector(1, 2)]);
        return g.Node("And", [causal, padding]);
    }

    private string Linear(string input, string name, Int4Matrix weight)
    {
        g.Floats(name, weight.Transposed(), weight.Columns, weight.Rows);
        return g.Node("MatMul", [input, name]);
    }

    /// <summary>x / sqrt(mean(x²) + ε) · w over the last axis, from standard ops.</summary>
    private string RmsNorm(string x, string weightName, float[] weight)
    {
        g.Floats(weightName, weight, weight.Length);
        var meanSquare = g.Node("ReduceMean", [g.Node("Pow", [x, g.FloatScalar(2f)])], attributes: [Ints("axes", -1), Int("keepdims", 1)]);
        var rms = g.Node("Sqrt", [g.Node("Add", [meanSquare, g.FloatScalar(Qwen3Hyperparameters.NormEpsilon)])]);
        return g.Node("Mul", [g.Node("Div", [x, rms]), weightName]);
    }
}
