using System.Globalization;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>The table <c>qwen3eval sensitivity</c> prints.</summary>
public static class SensitivityTable
{
    public static void Write(TextWriter output, SensitivityReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"sensitivity of {report.Model} on {report.Benchmark} ({report.Reference.Questions} questions{(report.Limit is { } l ? $", --limit {l}" : "")})"));
        output.WriteLine(string.Create(c, $"{"factor",-13} {"setting",-46} {"score",7} {"delta",7} {"95% CI",15}  note"));
        foreach (var row in report.Rows.Prepend(report.Reference))
        {
            var delta = row.Factor == SensitivityAnalysis.ReferenceFactor ? "—" : (row.Delta * 100).ToString("+0.00;-0.00;0.00", c);
            output.WriteLine(string.Create(c, $"{row.Factor,-13} {row.Setting,-46} {row.Score * 100,6:F2}% {delta,7} {$"[{row.Low95 * 100:F1}, {row.High95 * 100:F1}]",15}  {row.Note}"));
        }

        output.WriteLine(report.MovedMost is null
            ? "moved most: nothing (no factor varied)"
            : string.Create(c, $"moved most: {report.MovedMost} ({report.MovedMostDelta * 100:+0.00;-0.00;0.00} points from the reference)"));
    }
}
