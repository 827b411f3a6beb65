using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// The split every reference harness scores: C-Eval's val (its test answers are withheld by the authors),
/// MMLU's and CMMLU's test.
/// </summary>
public static class ScoredSplits
{
    public static Split Standard(Benchmark benchmark) => benchmark == Benchmark.Ceval ? Split.Val : Split.Test;
}
