namespace Qwen3EvalTests.Inference.Bench;

/// <summary>
/// The process's resident set (VmRSS) once <paramref name="Questions"/> questions of a run were scored, and how much of it
/// the .NET heap held (<see cref="GCMemoryInfo.HeapSizeBytes"/> after the last collection): the rest is native (ONNX Runtime,
/// GenAI, the runtime itself).
/// </summary>
public sealed record RssSample(int Questions, long RssBytes, long ManagedHeapBytes);
