namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// The id of a benchmark this harness reads; what the benchmark is (command-line id, data format, subjects, scored split)
/// is its <see cref="BenchmarkDefinition"/> in <see cref="BenchmarkDefinitions"/>. The official three are "mmlu", "ceval",
/// "cmmlu"; "mmlu5-fixture" is a shipped five-option test benchmark.
/// </summary>
public enum Benchmark
{
    Mmlu,
    Ceval,
    Cmmlu,

    /// <summary>"mmlu5-fixture": MMLU's CSV shape with five options A–E, a few hand-written rows in data/sample; a test benchmark, not a published one.</summary>
    Mmlu5Fixture,
}
