using System.CommandLine;
using System.Globalization;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval compare RUN_A RUN_B [--json]</c>: two results files of one benchmark compared
/// question by question on the questions both scored, with the manifest fields that differ (data files counted).
/// </summary>
public static class CompareCommand
{
    public static Command Create(TextWriter stdout)
    {
        var runA = new Argument<string>("RUN_A") { Description = "Results JSON of run A (written by `qwen3eval run`)." };
        var runB = new Argument<string>("RUN_B") { Description = "Results JSON of run B; deltas are B − A." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("compare", "Compare two runs of one benchmark on the questions both scored: deltas, flipped questions, McNemar, manifest diff.") { runA, runB, json };
        command.SetAction(parse =>
        {
            var comparison = RunComparison.Compare(parse.GetValue(runA)!, parse.GetValue(runB)!);
            ReportOutput.Write(stdout, parse.GetValue(json), comparison, CliJsonContext.Default.RunComparison, Write);

            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    private static string Count(int? questions) => questions?.ToString(CultureInfo.InvariantCulture) ?? "absent";

    public static void Write(TextWriter output, RunComparison comparison)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"A: {comparison.FileA} ({comparison.QuestionsA} questions)"));
        output.WriteLine(string.Create(c, $"B: {comparison.FileB} ({comparison.QuestionsB} questions)"));
        output.WriteLine(comparison.SameQuestions
            ? string.Create(c, $"questions: the same {comparison.Common} in both runs")
            : string.Create(c, $"questions: {comparison.Common} in common ({comparison.QuestionsA - comparison.Common} only in A, {comparison.QuestionsB - comparison.Common} only in B); every accuracy below is on the {comparison.Common} common questions"));
        output.WriteLine(string.Create(c, $"{comparison.Benchmark}: {comparison.AccuracyA * 100:F2}% → {comparison.AccuracyB * 100:F2}% (delta {comparison.Delta * 100:+0.00;-0.00;0.00} points; micro {comparison.MicroA * 100:F2}% → {comparison.MicroB * 100:F2}%)"));
        var scoreRelevant = comparison.Differences.Where(d => d.AffectsScore).ToList();
        output.WriteLine(scoreRelevant.Count == 0
            ? (comparison.SameIdentity ? "same identity: no setting that can change a score differs" : "differs: nothing score-relevant in the manifests")
            : "differs: " + string.Join("; ", scoreRelevant));
        var other = comparison.Differences.Where(d => !d.AffectsScore).ToList();
        if (other.Count > 0)
        {
            output.WriteLine("also differs (cannot change a score): " + string.Join("; ", other));
        }

        output.WriteLine("answers: " + comparison.Drift.Describe(twoRuns: true));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"subject",-40} {"n A",6} {"n B",6} {"common",6} {"acc A",7} {"acc B",7} {"delta",7}"));
        foreach (var s in comparison.Subjects.OrderBy(s => s.Delta is null).ThenByDescending(s => Math.Abs(s.Delta ?? 0)).ThenBy(s => s.Subject, StringComparer.Ordinal))
        {
            var line = string.Create(c, $"{s.Subject,-40} {Count(s.QuestionsA),6} {Count(s.QuestionsB),6} {s.Common,6}");
            output.WriteLine(s.Delta is { } delta
                ? string.Create(c, $"{line} {s.AccuracyA * 100,6:F1}% {s.AccuracyB * 100,6:F1}% {delta * 100,7:+0.0;-0.0;0.0}")
                : $"{line}  {(s.QuestionsA is null ? "absent from A" : s.QuestionsB is null ? "absent from B" : "no question in common")}");
        }
    }
}
