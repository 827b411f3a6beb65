using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>The repeats of one benchmark in <see cref="RunReportEntry"/>.</summary>
public sealed record RunReportRepeats(int Count, IReadOnlyList<double> Scores, double Mean, double StandardDeviation, bool ExpectDeterministic, bool DeterminismHolds, IReadOnlyList<string> ChangedQuestions, IReadOnlyList<string> ResultsFiles)
{
    public static RunReportRepeats Of(RepeatSummary summary, IReadOnlyList<string> files) => new(
        summary.Scores.Count, summary.Scores, summary.Statistics.Mean, summary.Statistics.StandardDeviation,
        summary.ExpectDeterministic, summary.DeterminismHolds, summary.ChangedQuestions, files);
}
