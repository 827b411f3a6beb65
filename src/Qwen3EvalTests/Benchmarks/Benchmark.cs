namespace Qwen3EvalTests.Benchmarks;

/// <summary>The benchmarks this harness reads. Their command-line ids are "mmlu", "ceval", "cmmlu".</summary>
public enum Benchmark
{
    Mmlu,
    Ceval,
    Cmmlu,
}
