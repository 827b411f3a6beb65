using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Results;
using ScottPlot;

namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>The report's plots, rendered with ScottPlot to PNG bytes (headless: SkiaSharp, no display needed).</summary>
public static class ReportPlots
{
    public const int Width = 900;
    public const int Height = 500;

    /// <summary>Per-subject accuracy bars; the official baseline with its tolerance band when known, else the run's overall accuracy.</summary>
    public static byte[] SubjectAccuracy(ResultsFile run, Baseline? baseline)
    {
        var plot = new Plot();
        var subjects = run.Summary.Subjects;
        var values = subjects.Select(s => s.Accuracy.Value * 100).ToArray();
        var bars = plot.Add.Bars(values);
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = Colors.SteelBlue;
        }

        var positions = Enumerable.Range(0, subjects.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. subjects.Select(s => Shorten(s.Subject))]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 170;
        plot.Axes.Right.MinimumSize = 60;
        if (baseline is not null)
        {
            var band = plot.Add.VerticalSpan(baseline.Score - baseline.Tolerance, baseline.Score + baseline.Tolerance);
            band.FillStyle.Color = Colors.Orange.WithAlpha(0.25);
            band.LegendText = FormattableString.Invariant($"baseline ± {baseline.Tolerance:0.#} points");
            var line = plot.Add.HorizontalLine(baseline.Score);
            line.Color = Colors.DarkOrange;
            line.LegendText = FormattableString.Invariant($"official {baseline.Score:0.0}% ({baseline.Source})");
        }
        else
        {
            var line = plot.Add.HorizontalLine(run.Summary.Accuracy * 100);
            line.Color = Colors.DarkRed;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = FormattableString.Invariant($"this run overall {run.Summary.Accuracy * 100:0.0}% ({run.Summary.Average}); no official baseline for '{run.Run.Model}'");
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title($"{run.Run.Model} · {run.Run.Settings.Benchmark} · {run.Run.Settings.Protocol} {run.Run.Settings.Shots}-shot: accuracy per subject");
        plot.YLabel("accuracy (%)");
        return Png(plot, Height + 100);
    }

    /// <summary>Each group of repeats: every repeat's score as a marker, the mean with ± one sample SD.</summary>
    public static byte[] RepeatSpread(IReadOnlyList<(string Label, RepeatSummary Summary)> groups)
    {
        var plot = new Plot();
        for (var g = 0; g < groups.Count; g++)
        {
            var scores = groups[g].Summary.Scores.Select(s => s * 100).ToArray();
            var markers = plot.Add.Markers(Enumerable.Repeat((double)g, scores.Length).ToArray(), scores);
            markers.Color = Colors.SteelBlue;
            var stats = groups[g].Summary.Statistics;
            var error = plot.Add.ErrorBar(new[] { g + 0.15 }, new[] { stats.Mean * 100 }, new[] { stats.StandardDeviation * 100 });
            error.Color = Colors.Black;
            var mean = plot.Add.Markers(new[] { g + 0.15 }, new[] { stats.Mean * 100 });
            mean.Color = Colors.Black;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, groups.Count).Select(i => (double)i)], [.. groups.Select(g => g.Label)]);
        plot.Axes.SetLimitsX(-0.5, groups.Count - 0.5);
        plot.Title("repeats: each repeat's score (blue), mean ± sample SD (black)");
        plot.YLabel("accuracy (%)");
        return Png(plot, Height);
    }

    /// <summary>Delta from the reference setting per sensitivity row.</summary>
    public static byte[] Sensitivity(SensitivityReport report)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(report.Rows.Select(r => r.Delta * 100).ToArray());
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = report.Rows[i].Factor == report.MovedMost ? Colors.Crimson : Colors.SlateGray;
        }

        plot.Add.HorizontalLine(0).Color = Colors.Black;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, report.Rows.Count).Select(i => (double)i)], [.. report.Rows.Select(r => $"{r.Factor}: {r.Setting}")]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 170;
        plot.Axes.Right.MinimumSize = 60;
        plot.Title(FormattableString.Invariant($"sensitivity, {report.Benchmark}: delta from the reference {report.Reference.Score * 100:0.0}% (red: moved most)"));
        plot.YLabel("delta (points)");
        return Png(plot, Height + 100);
    }

    private static byte[] Png(Plot plot, int height) => plot.GetImage(Width, height).GetImageBytes(ImageFormat.Png);

    private static string Shorten(string subject) => subject.Length > 28 ? subject[..27] + "…" : subject;
}
