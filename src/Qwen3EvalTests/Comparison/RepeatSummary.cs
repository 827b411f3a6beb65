using System.Globalization;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Comparison;

/// <summary>
/// Repeated runs of one setting: each repeat's headline score, their mean and sample standard
/// deviation, and — for greedy or log-likelihood runs, which should be deterministic — every
/// question whose answer changed between repeats (expected none).
/// </summary>
/// <param name="Scores">Each repeat's headline accuracy (0–1), in repeat order.</param>
/// <param name="Statistics">Mean and sample standard deviation of <see cref="Scores"/>.</param>
/// <param name="ExpectDeterministic">True when every repeat is log-likelihood or greedy generation.</param>
/// <param name="ChangedQuestions">Questions ("subject#index") whose answer differs from repeat 1 in any later repeat.</param>
public sealed record RepeatSummary(
    IReadOnlyList<double> Scores,
    MeanAndDeviation Statistics,
    bool ExpectDeterministic,
    IReadOnlyList<string> ChangedQuestions)
{
    /// <summary>False when a run that should be deterministic changed an answer between repeats.</summary>
    public bool DeterminismHolds => !ExpectDeterministic || ChangedQuestions.Count == 0;

    /// <summary>The summary of results files read back (reports).</summary>
    public static RepeatSummary Of(IReadOnlyList<ResultsFile> repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        return Of([.. repeats.Select(r => (r.Run.Settings, r.Summary, r.Answers()))]);
    }

    /// <summary>The summary of repeats held in memory (a run just made), in repeat order.</summary>
    public static RepeatSummary Of(IReadOnlyList<(RunSettings Settings, RunSummary Summary, IReadOnlyList<RecordedAnswer> Answers)> repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        if (repeats.Count == 0)
        {
            throw new ArgumentException("at least one repeat is needed", nameof(repeats));
        }

        var first = repeats[0].Answers;
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var later in repeats.Skip(1))
        {
            var drift = AnswerDrift.Between(first, later.Answers);
            foreach (var flip in drift.Changed)
            {
                changed.Add(string.Create(CultureInfo.InvariantCulture, $"{flip.Subject}#{flip.Index}"));
            }

            changed.UnionWith(drift.Missing);
            changed.UnionWith(drift.Added);
        }

        var scores = repeats.Select(r => r.Summary.Accuracy).ToList();
        var deterministic = repeats.All(r => r.Settings.Generation is null || r.Settings.Generation.IsGreedy);
        return new RepeatSummary(scores, MeanAndDeviation.Of(scores), deterministic, [.. changed]);
    }

    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var scores = string.Join(", ", Scores.Select(s => (s * 100).ToString("F2", c)));
        var line = string.Create(c, $"{Scores.Count} repeats: {scores} → mean {Statistics.Mean * 100:F2}%, sample SD {Statistics.StandardDeviation * 100:F2} points");
        if (!ExpectDeterministic)
        {
            return line + $"; sampled generation, {ChangedQuestions.Count} answers varied between repeats";
        }

        return ChangedQuestions.Count == 0
            ? line + "; determinism check: no answer changed between repeats (expected none)"
            : line + $"; determinism check FAILED: {ChangedQuestions.Count} answers changed between repeats (expected none): {string.Join(", ", ChangedQuestions.Take(AnswerDrift.FlipsShown))}";
    }
}
