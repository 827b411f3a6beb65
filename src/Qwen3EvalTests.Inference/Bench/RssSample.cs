namespace Qwen3EvalTests.Inference.Bench;

/// <summary>The process's resident set (VmRSS) once <paramref name="Questions"/> questions of a run were scored.</summary>
public sealed record RssSample(int Questions, long RssBytes);
