namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>The shape of model a tiny model folder imitates; every export computes with the same weights.</summary>
public enum TinyModelExport
{
    /// <summary>What the GenAI model builder writes for <c>-p int4 -e cpu</c>: GroupQueryAttention, MatMulNBits, shared KV buffer, fp32 logits.</summary>
    CpuInt4,

    /// <summary>The cpu-int4 graph with its logits cast to float16: the part of a CUDA export (-e cuda) the CPU provider can run.</summary>
    Fp16Logits,

    /// <summary>The harness's first graph: standard ops, concatenated KV cache, position_ids, fp32 weights, one model.onnx, no shared buffer.</summary>
    Legacy,
}

/// <summary>The ids of <see cref="TinyModelExport"/> on the command line and in suites: cpu-int4, fp16-logits, legacy.</summary>
public static class TinyModelExportIds
{
    public static IReadOnlyList<string> All { get; } = ["cpu-int4", "fp16-logits", "legacy"];

    public static string ToId(this TinyModelExport export) => export switch
    {
        TinyModelExport.CpuInt4 => "cpu-int4",
        TinyModelExport.Fp16Logits => "fp16-logits",
        TinyModelExport.Legacy => "legacy",
        _ => throw new ArgumentOutOfRangeException(nameof(export), export, "Unknown export."),
    };

    public static bool TryParse(string? id, out TinyModelExport export)
    {
        switch (id)
        {
            case "cpu-int4": export = TinyModelExport.CpuInt4; return true;
            case "fp16-logits": export = TinyModelExport.Fp16Logits; return true;
            case "legacy": export = TinyModelExport.Legacy; return true;
            default: export = TinyModelExport.CpuInt4; return false;
        }
    }
}
