namespace Qwen3EvalTests.Benchmarks;

/// <summary>A data split. Shots come from <see cref="Dev"/>; which split is scored belongs to the prompt protocol.</summary>
public enum Split
{
    Dev,
    Val,
    Test,
}
