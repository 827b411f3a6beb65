using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Results;

/// <summary>The totals of one run: headline accuracy (the protocol's average), both averages, per subject and category.</summary>
public sealed record RunSummary(
    int Questions,
    int Correct,
    double Accuracy,
    string Average,
    Accuracy Micro,
    double Macro,
    int Unparsable,
    int Truncated,
    IReadOnlyList<SubjectScore> Subjects,
    IReadOnlyList<CategoryScore> Categories,
    RunCounters Counters);

/// <summary>What the run cost: tokens prefilled and reused, model runs, and where the time went.</summary>
/// <param name="PrefilledTokens">Tokens fed through the model.</param>
/// <param name="ReusedTokens">Tokens served from a reused KV-cache prefix.</param>
/// <param name="ForwardCalls">Model runs.</param>
/// <param name="ForwardSeconds">Wall time inside the engine.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record RunCounters(long PrefilledTokens, long ReusedTokens, long ForwardCalls, double ForwardSeconds, double TotalSeconds)
{
    /// <summary>Time outside the engine (reading, prompt rendering, scoring, writing).</summary>
    public double HarnessSeconds => Math.Max(0, TotalSeconds - ForwardSeconds);
}
