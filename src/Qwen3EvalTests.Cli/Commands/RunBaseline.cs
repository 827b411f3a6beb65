using System.Globalization;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// One benchmark of a run set against the published number of its model (<see cref="PublishedBaselineFinder"/>), with the
/// baseline's tolerance widened to the measurement's 95 % interval as the suites do; null comparison: none is known.
/// <see cref="Differences"/> names what the run does differently from the published setting (shots, protocol).
/// </summary>
public sealed record RunBaseline(string Benchmark, BaselineComparison? Comparison, IReadOnlyList<string> Differences, string? Catalog)
{
    /// <summary>The comparison for a benchmark's runs (their mean, when repeated).</summary>
    public static RunBaseline Of(IReadOnlyList<BenchmarkRun> runs, EvaluationPlan plan, BaselineCatalog? catalog, IEnumerable<Suites.SuiteModel> suiteModels)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(plan);
        var header = runs[0].Header;
        var mode = plan.Chat ? plan.ChatOptions?.EnableThinking switch { true => ThinkingMode.Thinking.ToId(), false => ThinkingMode.NonThinking.ToId(), null => null } : null;
        var baseline = catalog is null || !ModelKinds.TryParse(header.ModelKind, out var kind)
            ? null
            : PublishedBaselineFinder.For(catalog, header.Model, kind, plan.Benchmark, mode, suiteModels);
        if (baseline is null)
        {
            return new RunBaseline(header.Settings.Benchmark, null, [], catalog?.File);
        }

        var tolerance = new Tolerance(baseline.Tolerance, WidenToInterval: true);
        var comparison = runs.Count == 1
            ? BaselineComparison.Compare(runs[0].Summary.Accuracy * 100, runs[0].Summary.Questions, baseline, tolerance)
            : BaselineComparison.CompareRepeats([.. runs.Select(r => r.Summary.Accuracy * 100)], runs[0].Summary.Questions, baseline, tolerance);
        var differences = new List<string>();
        if (baseline.Shots is { } shots && shots != header.Settings.Shots)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"published {shots}-shot, this run {header.Settings.Shots}-shot"));
        }

        if (baseline.Protocol is { } protocol && !header.Settings.Protocol.StartsWith(protocol, StringComparison.Ordinal))
        {
            differences.Add($"published with protocol {protocol}, this run {header.Settings.Protocol}");
        }

        if (header.Settings.Limit is not null)
        {
            differences.Add("this run scores a --limit subset");
        }

        return new RunBaseline(header.Settings.Benchmark, comparison, differences, catalog?.File);
    }

    /// <summary>The line <c>run</c> prints under its table.</summary>
    public string Describe(string model)
    {
        if (Comparison is not { } c)
        {
            return Catalog is null
                ? $"{Benchmark}: no baseline catalogue found (pass --baselines FILE)"
                : $"{Benchmark}: no published baseline for model '{model}' in {Catalog} (qwen3eval ls baselines lists the models it knows)";
        }

        var verdict = c.IsWithin ? "within the tolerance" : "outside the tolerance";
        var widened = c.Applied == AppliedTolerance.ConfidenceInterval ? ", widened to the 95 % half-width" : "";
        var notes = Differences.Count == 0 ? "" : "; " + string.Join("; ", Differences);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Benchmark}: official {c.BaselineId} {c.BaselineScore:F2} % ({c.BaselineSource}); measured {c.Measured:F2} %, delta {(c.Delta >= 0 ? "+" : "")}{c.Delta:F2} points, tolerance ±{c.EffectiveTolerance:F2}{widened}: {verdict}{notes}");
    }
}
