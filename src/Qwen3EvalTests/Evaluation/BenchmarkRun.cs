using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Evaluation;

/// <summary>The outcome of one benchmark run: its summary and where its results file is.</summary>
public sealed record BenchmarkRun(RunHeader Header, RunSummary Summary, string ResultsFile);
