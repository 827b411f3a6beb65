using System.Reflection;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    /// <summary>The engine and its package version as recorded in run manifests, e.g. "onnxruntime-genai 0.18.0 (cpu)".</summary>
    public static string EngineDescription { get; } = "onnxruntime-genai " + (typeof(GenAiLanguageModel).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "OnnxRuntimeGenAIPackage")?.Value ?? "unknown version");
}
