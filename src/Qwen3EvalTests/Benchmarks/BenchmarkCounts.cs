namespace Qwen3EvalTests.Benchmarks;

/// <summary>How many subjects a benchmark folder holds and how many questions each split has.</summary>
public sealed record BenchmarkCounts(Benchmark Benchmark, int Subjects, IReadOnlyDictionary<Split, long> QuestionsPerSplit);
