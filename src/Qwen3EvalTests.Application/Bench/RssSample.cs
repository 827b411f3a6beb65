namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The process's resident set (VmRSS) once <paramref name="Questions"/> questions of a run were scored; how much the .NET
/// heap held (<see cref="GCMemoryInfo.HeapSizeBytes"/> after the last collection) and how much memory the GC kept committed
/// for it (<see cref="GCMemoryInfo.TotalCommittedBytes"/>: the heap plus freed regions not yet given back). The rest of the
/// resident set is native (ONNX Runtime, GenAI, the tokenizer, the runtime itself).
/// </summary>
public sealed record RssSample(int Questions, long RssBytes, long ManagedHeapBytes, long ManagedCommittedBytes);
