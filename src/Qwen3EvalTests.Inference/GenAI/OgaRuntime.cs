using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>The one <see cref="OgaHandle"/> of the process, created on first use and kept until exit.</summary>
internal static class OgaRuntime
{
    private static readonly Lazy<OgaHandle> Handle = new(() => new OgaHandle(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Handle.Value;
}
