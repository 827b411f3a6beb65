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
