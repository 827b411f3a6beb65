using System.Globalization;
using System.Text;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// The gate summary's charts, as Mermaid <c>xychart-beta</c> blocks (GitHub renders Mermaid in Markdown, job summaries
/// included): every measured case's score (bars) against its baseline and tolerance band (lines: baseline − tolerance,
/// baseline, baseline + tolerance), and per case each subject's delta from the baseline (bars) with its 95 % interval (lines).
/// Labels are quoted, with any double quote replaced; values are invariant-culture numbers with two decimals.
/// </summary>
public static class GateSummaryCharts
{
    /// <summary>The score chart of the cases that have a measurement and a baseline, or null when none has.</summary>
    public static string? Scores(IReadOnlyList<GateCaseRow> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var shown = cases.Where(c => c.Measured is not null && c.Baseline is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var low = shown.Select(c => c.Baseline!.Value - c.Tolerance).ToList();
        var high = shown.Select(c => c.Baseline!.Value + c.Tolerance).ToList();
        var text = new StringBuilder("```mermaid\nxychart-beta\n");
        text.Append("  title \"Score against baseline (bars: measured; lines: baseline − tolerance, baseline, baseline + tolerance)\"\n");
        text.Append("  x-axis [").Append(string.Join(", ", shown.Select(c => Label(c.CaseId)))).Append("]\n");
        text.Append("  y-axis \"accuracy (%)\" 0 --> 100\n");
        text.Append("  bar ").Append(Values(shown.Select(c => c.Measured!.Value))).Append('\n');
        text.Append("  line ").Append(Values(low.Select(v => Math.Max(0, v)))).Append('\n');
        text.Append("  line ").Append(Values(shown.Select(c => c.Baseline!.Value))).Append('\n');
        text.Append("  line ").Append(Values(high.Select(v => Math.Min(100, v)))).Append('\n');
        return text.Append("```\n").ToString();
    }

    /// <summary>The per-subject chart of one case, or null when it has no subject numbers.</summary>
    public static string? Subjects(GateCaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Subjects.Count == 0)
        {
            return null;
        }

        var extent = Math.Ceiling(row.Subjects.Max(s => Math.Max(Math.Abs(s.Low), Math.Abs(s.High))) / 10) * 10;
        var text = new StringBuilder("```mermaid\nxychart-beta\n");
        text.Append("  title ").Append(Label($"{row.CaseId}: subject − baseline, points (bars; lines: the 95 % interval)")).Append('\n');
        text.Append("  x-axis [").Append(string.Join(", ", row.Subjects.Select(s => Label(s.Subject)))).Append("]\n");
        text.Append(string.Create(CultureInfo.InvariantCulture, $"  y-axis \"points\" {-extent:0} --> {extent:0}\n"));
        text.Append("  bar ").Append(Values(row.Subjects.Select(s => s.Delta))).Append('\n');
        text.Append("  line ").Append(Values(row.Subjects.Select(s => s.Low))).Append('\n');
        text.Append("  line ").Append(Values(row.Subjects.Select(s => s.High))).Append('\n');
        return text.Append("```\n").ToString();
    }

    private static string Label(string value) => "\"" + value.Replace('"', '\'') + "\"";

    private static string Values(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))) + "]";
}
