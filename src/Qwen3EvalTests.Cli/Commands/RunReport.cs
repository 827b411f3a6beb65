using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary><c>qwen3eval run --json</c>'s stdout: one entry per benchmark run. Checks depend on these names.</summary>
public sealed record RunReport(IReadOnlyList<RunReportEntry> Results);

/// <summary>
/// One benchmark run in <see cref="RunReport"/>; accuracy is 0–1, by the protocol's average. With
/// --repeats N: accuracy is the mean over repeats, questions/correct/resultsFile are repeat 1's,
/// and Repeats carries every repeat's score, the sample SD and the determinism check.
/// </summary>
public sealed record RunReportEntry(string Benchmark, string Protocol, string Model, int Questions, int Correct, double Accuracy, string Average, string ResultsFile, RunReportRepeats? Repeats = null)
{
    /// <summary>Requests of this run served from the request cache; null with --no-cache.</summary>
    public long? CacheHits { get; init; }

    /// <summary>The published number of the model on this benchmark, when the catalogue knows it; null otherwise.</summary>
    public RunReportBaseline? Baseline { get; init; }
}

/// <summary>
/// The run set against its published number (percent points): <c>within</c> the effective tolerance (the baseline's,
/// widened to the 95 % half-width); <c>differences</c> from the published setting (shots, protocol, a --limit subset).
/// </summary>
public sealed record RunReportBaseline(string Id, double Score, double Measured, double Delta, double Tolerance, bool Within, string Source, IReadOnlyList<string> Differences)
{
    public static RunReportBaseline? Of(RunBaseline baseline) => baseline?.Comparison is { } c
        ? new RunReportBaseline(c.BaselineId, c.BaselineScore, c.Measured, c.Delta, c.EffectiveTolerance, c.IsWithin, c.BaselineSource, baseline.Differences)
        : null;
}

/// <summary>The repeats of one benchmark in <see cref="RunReportEntry"/>.</summary>
public sealed record RunReportRepeats(int Count, IReadOnlyList<double> Scores, double Mean, double StandardDeviation, bool ExpectDeterministic, bool DeterminismHolds, IReadOnlyList<string> ChangedQuestions, IReadOnlyList<string> ResultsFiles)
{
    public static RunReportRepeats Of(RepeatSummary summary, IReadOnlyList<string> files) => new(
        summary.Scores.Count, summary.Scores, summary.Statistics.Mean, summary.Statistics.StandardDeviation,
        summary.ExpectDeterministic, summary.DeterminismHolds, summary.ChangedQuestions, files);
}
