namespace Qwen3EvalTests.Results;

/// <summary>The environment a run happened in, so two results can be compared only when it matches.</summary>
/// <param name="HarnessVersion">This harness's version.</param>
/// <param name="GitCommit">The harness's git commit when known.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Cpu">Processor architecture and count.</param>
/// <param name="DotNet">The .NET runtime version.</param>
/// <param name="Engine">Inference engine and version (e.g. "onnxruntime-genai 0.18.0").</param>
/// <param name="ExecutionProvider">cpu or cuda.</param>
/// <param name="ModelFiles">SHA-256 of each file of the model folder, by name.</param>
/// <param name="DataFiles">SHA-256 of each data file read, by path relative to the data folder.</param>
public sealed record RunEnvironment(
    string HarnessVersion,
    string? GitCommit,
    string OperatingSystem,
    string Cpu,
    string DotNet,
    string Engine,
    string ExecutionProvider,
    IReadOnlyDictionary<string, string> ModelFiles,
    IReadOnlyDictionary<string, string> DataFiles)
{
    /// <summary>The NVIDIA driver and GPUs when present (Linux: /proc/driver/nvidia), else null.</summary>
    public string? Gpu { get; init; }
}
