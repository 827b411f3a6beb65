using System.Globalization;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>
/// Turns runs and sensitivity files into a <see cref="ReportDocument"/>: a table of runs, per-run
/// subject plots against the official baseline (when the model name is a catalog model id),
/// repeats' spread for runs that share an identity, and sensitivity bars.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Build(ReportInputs inputs, BaselineCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var c = CultureInfo.InvariantCulture;
        var sections = new List<ReportSection>();
        if (inputs.Runs.Count > 0)
        {
            sections.Add(RunsSection(inputs, c));
            for (var i = 0; i < inputs.Runs.Count; i++)
            {
                sections.Add(SubjectSection(inputs.Runs[i].File, i + 1, catalog, c));
            }

            var repeats = RepeatsSection(inputs, c);
            if (repeats is not null)
            {
                sections.Add(repeats);
            }
        }

        for (var i = 0; i < inputs.Sensitivities.Count; i++)
        {
            sections.Add(SensitivitySection(inputs.Sensitivities[i].Report, i + 1, c));
        }

        var intro = new List<string>
        {
            string.Create(c, $"{inputs.Runs.Count} results file(s), {inputs.Sensitivities.Count} sensitivity file(s). Accuracies are percentages; intervals are 95 % Wilson intervals."),
        };
        if (catalog is null)
        {
            intro.Add("No baseline catalog (baselines/official.json) was found, so no official baseline is drawn.");
        }

        return new ReportDocument("qwen3eval report", intro, sections);
    }

    private static ReportSection RunsSection(ReportInputs inputs, CultureInfo c)
    {
        var rows = inputs.Runs.Select((r, i) =>
        {
            var (h, s) = (r.File.Run, r.File.Summary);
            return (IReadOnlyList<string>)
            [
                (i + 1).ToString(c), Path.GetFileName(r.Path), h.Model, h.Settings.Benchmark, h.Settings.Protocol, h.Settings.Shots.ToString(c),
                h.Settings.Chat ? "chat" : "base", h.Settings.Scoring, s.Questions.ToString(c), string.Create(c, $"{s.Accuracy * 100:F2}"), s.Average,
                string.Create(c, $"[{s.Micro.Low95 * 100:F1}, {s.Micro.High95 * 100:F1}]"), h.Identity is { Length: > 12 } id ? id[..12] : "(none)",
            ];
        }).ToList();
        return new ReportSection(
            "Runs",
            ["The identity is a hash of everything that can change a score; runs with the same identity are repeats of one setting."],
            [new ReportTable(["#", "file", "model", "benchmark", "protocol", "shots", "form", "scoring", "questions", "accuracy", "average", "95% CI (micro)", "identity"], rows)],
            []);
    }

    private static ReportSection SubjectSection(ResultsFile run, int number, BaselineCatalog? catalog, CultureInfo c)
    {
        Baseline? baseline = null;
        if (catalog is not null && BenchmarkIds.TryParse(run.Run.Settings.Benchmark, out var benchmark))
        {
            baseline = catalog.Find(run.Run.Model, benchmark);
        }

        var note = baseline is null
            ? $"No official baseline for model '{run.Run.Model}' on {run.Run.Settings.Benchmark}: the line is this run's own overall accuracy."
            : string.Create(c, $"Official baseline {baseline.Id}: {baseline.Score:0.0}% ± {baseline.Tolerance:0.#} points ({baseline.Source}); this run {run.Summary.Accuracy * 100:0.00}%, delta {run.Summary.Accuracy * 100 - baseline.Score:+0.00;-0.00;0.00}.");
        var rows = run.Summary.Subjects
            .Select(s => (IReadOnlyList<string>)[s.Subject, s.Category, s.Accuracy.Total.ToString(c), string.Create(c, $"{s.Accuracy.Value * 100:F1}"), string.Create(c, $"[{s.Accuracy.Low95 * 100:F1}, {s.Accuracy.High95 * 100:F1}]")])
            .ToList();
        return new ReportSection(
            string.Create(c, $"Run {number}: {run.Run.Model} · {run.Run.Settings.Benchmark} · {run.Run.Settings.Protocol} · {run.Run.Settings.Shots}-shot"),
            [note],
            [new ReportTable(["subject", "category", "questions", "accuracy", "95% CI"], rows)],
            [new ReportImage(string.Create(c, $"run{number}-subjects.png"), $"accuracy per subject, run {number}", ReportPlots.SubjectAccuracy(run, baseline))]);
    }

    private static ReportSection? RepeatsSection(ReportInputs inputs, CultureInfo c)
    {
        var groups = inputs.Runs
            .GroupBy(r => r.File.Run.Identity ?? r.Path, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g =>
            {
                var first = g.First().File.Run;
                var label = $"{first.Settings.Benchmark} {first.Settings.Protocol} {first.Settings.Shots}-shot{(first.Settings.Chat ? " chat" : "")}";
                return (Label: label, Summary: RepeatSummary.Of([.. g.Select(r => r.File)]));
            })
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            g.Label, g.Summary.Scores.Count.ToString(c), string.Join(", ", g.Summary.Scores.Select(s => (s * 100).ToString("F2", c))),
            string.Create(c, $"{g.Summary.Statistics.Mean * 100:F2}"), string.Create(c, $"{g.Summary.Statistics.StandardDeviation * 100:F2}"),
            g.Summary.ExpectDeterministic ? (g.Summary.ChangedQuestions.Count == 0 ? "holds (no answer changed)" : $"FAILED: {g.Summary.ChangedQuestions.Count} changed") : "sampled (not expected)",
        ]).ToList();
        return new ReportSection(
            "Repeats",
            ["Runs with the same identity, grouped: each repeat's score, the mean and the sample standard deviation; greedy and log-likelihood runs should not change any answer."],
            [new ReportTable(["setting", "repeats", "scores", "mean", "SD (points)", "determinism"], rows)],
            [new ReportImage("repeats.png", "repeats' spread", ReportPlots.RepeatSpread(groups))]);
    }

    private static ReportSection SensitivitySection(Results.SensitivityReport report, int number, CultureInfo c)
    {
        var rows = report.Rows.Prepend(report.Reference).Select(r => (IReadOnlyList<string>)
        [
            r.Factor, r.Setting, string.Create(c, $"{r.Score * 100:F2}"),
            r.Factor == Evaluation.SensitivityAnalysis.ReferenceFactor ? "—" : string.Create(c, $"{r.Delta * 100:+0.00;-0.00;0.00}"),
            string.Create(c, $"[{r.Low95 * 100:F1}, {r.High95 * 100:F1}]"), r.Note ?? "",
        ]).ToList();
        return new ReportSection(
            string.Create(c, $"Sensitivity {number}: {report.Model} · {report.Benchmark}"),
            [report.MovedMost is null ? "No factor was varied." : string.Create(c, $"Moved most: {report.MovedMost} ({report.MovedMostDelta * 100:+0.00;-0.00;0.00} points from the reference).")],
            [new ReportTable(["factor", "setting", "score", "delta", "95% CI", "note"], rows)],
            [new ReportImage(string.Create(c, $"sensitivity{number}.png"), $"sensitivity bars, {report.Benchmark}", ReportPlots.Sensitivity(report))]);
    }
}
