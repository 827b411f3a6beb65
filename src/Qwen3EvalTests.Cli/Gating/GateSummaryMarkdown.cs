using System.Globalization;
using System.Text;
using Qwen3EvalTests.Comparison;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// Renders a <see cref="GateSummary"/> as one GitHub-flavoured Markdown page (for $GITHUB_STEP_SUMMARY or a PR
/// comment). Deterministic: the same inputs give the same bytes (no times, no absolute paths of the inputs,
/// invariant numbers, '\n' line ends).
/// </summary>
public static class GateSummaryMarkdown
{
    private const string None = "—";

    public static string Render(GateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var t = summary.Totals;
        text.Append("## Gate summary\n\n");
        text.Append(I($"{(t.Failed > 0 ? $"**{t.Failed} failed**" : "0 failed")}, {t.Passed} passed, {t.Skipped} skipped of {t.Tests} tests"))
            .Append(I($" in {t.TrxFiles} TRX {(t.TrxFiles == 1 ? "file" : "files")} ({string.Join(", ", summary.TrxFiles.Select(Code))}).\n"));
        text.Append(I($"Suite cases: {t.CasesFailed} failed, {t.CasesPassed} passed, {t.CasesSkipped} skipped"))
            .Append(t.CasesWithoutResult > 0 ? I($", {t.CasesWithoutResult} with results but no test result") : "")
            .Append(I($"; answer drift in {t.CasesWithDrift}. Prompt snapshots changed: {t.SnapshotsChanged}.\n"));

        Cases(text, summary);
        Charts(text, summary);
        Drift(text, summary);
        Snapshots(text, summary);
        OtherFailures(text, summary);
        if (t.CasesWithDrift > 0 || t.SnapshotsChanged > 0)
        {
            text.Append("\n### Accepting an intended change\n\n")
                .Append("- Answers: re-record the tiny-model runs with `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record` and commit `baselines/runs/`.\n")
                .Append("  One case of your own suite: `qwen3eval baseline record --suite S --case C` (with `--models DIR` / `--data DIR` as the gate's EvalModelsDir / EvalDataDir).\n")
                .Append("- Prompts: run `QWEN3EVAL_ACCEPT_SNAPSHOTS=1 dotnet test Qwen3EvalTests.sln` locally (or the `mv` each failure prints) and commit the `*.approved.txt` files.\n")
                .Append("\nThe pull request then shows the change as a diff of those files.\n");
        }

        // Sections end with a blank line and start with one; keep one.
        var page = text.ToString();
        while (page.Contains("\n\n\n", StringComparison.Ordinal))
        {
            page = page.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return page;
    }

    private static void Cases(StringBuilder text, GateSummary summary)
    {
        text.Append("\n### Cases\n\n");
        if (summary.Cases.Count == 0)
        {
            text.Append("No suite case ran or wrote results.\n");
            return;
        }

        text.Append("| case | outcome | measured | baseline | delta | tolerance |")
            .Append(summary.HasBaseBranch ? " base branch | vs base branch |" : "")
            .Append(" note |\n")
            .Append("|---|---|---:|---|---:|---:|")
            .Append(summary.HasBaseBranch ? "---:|---:|" : "")
            .Append("---|\n");
        foreach (var row in summary.Cases)
        {
            text.Append("| ").Append(Cell(row.DisplayName))
                .Append(" | ").Append(OutcomeText(row.Outcome))
                .Append(" | ").Append(row.Measured is { } m ? I($"{m:F2} % (n={row.Questions})") : None)
                .Append(" | ").Append(row.Baseline is { } b ? I($"{b:F2} % {row.BaselineNote}") : Cell(row.BaselineNote))
                .Append(" | ").Append(row.Delta is { } d ? Points(d) : None)
                .Append(" | ").Append(I($"±{row.Tolerance:F2}")).Append(row.ToleranceIsInterval ? " (95 % CI)" : "");
            if (summary.HasBaseBranch)
            {
                text.Append(" | ").Append(row.BaseBranch is { } bb ? I($"{bb.Measured:F2} %") : None)
                    .Append(" | ").Append(row.BaseBranch is { } bd && row.Measured is { } now ? Points(now - bd.Measured) : None);
            }

            text.Append(" | ").Append(Note(row)).Append(" |\n");
        }
    }

    private static void Charts(StringBuilder text, GateSummary summary)
    {
        if (GateSummaryCharts.Scores(summary.Cases) is not { } scores)
        {
            return;
        }

        text.Append("\n### Scores against baselines\n\n").Append(scores);
        foreach (var row in summary.Cases.Where(r => r.Subjects.Count > 0))
        {
            text.Append("\n<details><summary>").Append(Cell(row.DisplayName)).Append(": per-subject deltas</summary>\n\n")
                .Append(GateSummaryCharts.Subjects(row)).Append("\n</details>\n");
        }
    }

    private static string Note(GateCaseRow row)
    {
        var parts = new List<string>();
        if (row.Outcome == TrxOutcome.Failed && row.FailedChecks.Count > 0)
        {
            // Which check decided, named as the gate's failure message heads it; the drift's numbers follow in their own part.
            var checks = row.FailedChecks.Select(c => c.StartsWith("drift:", StringComparison.Ordinal) ? "drift" : c).ToList();
            parts.Add((checks.Count == 1 ? "failed check: " : "failed checks: ") + Cell(string.Join(", ", checks)));
        }

        if (row.Drift is { HasDrift: true } drift)
        {
            parts.Add(I($"answer drift: {drift.Changed.Count} of {drift.Compared} changed, McNemar p = {P(drift.McNemar.PValue)}"));
        }

        if (row.Outcome is TrxOutcome.Skipped or TrxOutcome.Failed && row.Message is { } message && !MessageRepeatsAFailedCheck(row, message))
        {
            parts.Add(Cell(message));
        }

        return string.Join("; ", parts);
    }

    // The failure message's first line says again what the note's checks say: the drift headline, or a check line itself.
    private static bool MessageRepeatsAFailedCheck(GateCaseRow row, string message) =>
        (row.Drift?.HasDrift == true && (message.StartsWith("Drift in ", StringComparison.Ordinal) || message.StartsWith("drift:", StringComparison.Ordinal)))
        || row.FailedChecks.Any(c => message.StartsWith(c.Split(':')[0] + ":", StringComparison.Ordinal));

    private static void Drift(StringBuilder text, GateSummary summary)
    {
        var drifted = summary.Cases.Where(r => r.Drift is { HasDrift: true }).ToList();
        var fromBase = summary.Cases.Where(r => r.BaseBranch?.Drift is { HasDrift: true }).ToList();
        if (drifted.Count == 0 && fromBase.Count == 0)
        {
            return;
        }

        text.Append("\n### Answer drift\n");
        foreach (var row in drifted)
        {
            DriftBlock(text, row.DisplayName, $"the recorded run `{row.RecordingPath}`", "recorded", row.Drift!);
        }

        foreach (var row in fromBase)
        {
            DriftBlock(text, row.DisplayName, "the base branch's results", "base branch", row.BaseBranch!.Drift!);
        }
    }

    private static void DriftBlock(StringBuilder text, string caseName, string against, string beforeHeading, AnswerDrift drift)
    {
        text.Append("\n#### ").Append(Cell(caseName)).Append(" vs ").Append(beforeHeading).Append("\n\n")
            .Append(I($"Against {against}: {drift.Changed.Count} of {drift.Compared} answers changed ({drift.BecameWrong} right→wrong, {drift.BecameCorrect} wrong→right); "))
            .Append(I($"McNemar ({drift.McNemar.Method}): statistic {drift.McNemar.Statistic:0.###}, p = {P(drift.McNemar.PValue)}.\n"));
        if (drift.Changed.Count > 0)
        {
            text.Append('\n').Append("| question | answer | ").Append(beforeHeading).Append(" | now | flip |\n")
                .Append("|---|---|---|---|---|\n");
            foreach (var flip in drift.Changed.Take(AnswerDrift.FlipsShown))
            {
                text.Append(I($"| {Cell(flip.Subject)}[{flip.Index}] | {flip.Answer} | {flip.Before ?? "(none)"} | {flip.After ?? "(none)"} | {Verdict(flip)} |\n"));
            }

            if (drift.Changed.Count > AnswerDrift.FlipsShown)
            {
                text.Append(I($"\nFirst {AnswerDrift.FlipsShown} of {drift.Changed.Count} flips shown.\n"));
            }
        }

        if (drift.Missing.Count > 0)
        {
            text.Append(I($"\n{drift.Missing.Count} questions of {beforeHeading} were not run (first: `{drift.Missing[0]}`).\n"));
        }

        if (drift.Added.Count > 0)
        {
            text.Append(I($"\n{drift.Added.Count} questions were run that {beforeHeading} lacks (first: `{drift.Added[0]}`).\n"));
        }
    }

    private static void Snapshots(StringBuilder text, GateSummary summary)
    {
        if (summary.Snapshots.Count == 0)
        {
            return;
        }

        text.Append("\n### Prompt snapshots changed\n\n");
        foreach (var change in summary.Snapshots)
        {
            text.Append("- ").Append(Code(change.Approved)).Append(change.IsNew ? " is new (no approved file yet)" : " differs");
            if (change.Received is { } received)
            {
                text.Append("; received: ").Append(Code(received));
            }

            if (change.TestName is { } test)
            {
                text.Append("; test ").Append(Code(test));
            }

            text.Append('\n');
            if (change.Diff is { } diff)
            {
                text.Append("\n  <details><summary>diff</summary>\n\n  ````diff\n");
                foreach (var line in diff.Split('\n'))
                {
                    text.Append("  ").Append(line).Append('\n');
                }

                text.Append("  ````\n\n  </details>\n\n");
            }
        }
    }

    private static void OtherFailures(StringBuilder text, GateSummary summary)
    {
        if (summary.OtherFailures.Count == 0)
        {
            return;
        }

        text.Append("\n### Other failed tests\n\n");
        foreach (var failure in summary.OtherFailures)
        {
            text.Append("- ").Append(Code(failure.TestName)).Append(" (").Append(failure.TrxFile).Append(')')
                .Append(failure.FirstMessageLine is { } line ? ": " + Cell(line) : "").Append('\n');
        }
    }

    private static string OutcomeText(TrxOutcome? outcome) => outcome switch
    {
        TrxOutcome.Failed => "**failed**",
        TrxOutcome.Passed => "passed",
        TrxOutcome.Skipped => "skipped",
        _ => "no test result",
    };

    private static string Verdict(AnswerFlip flip) => (flip.Before == flip.Answer, flip.After == flip.Answer) switch
    {
        (true, false) => "right→wrong",
        (false, true) => "wrong→right",
        _ => "wrong→wrong",
    };

    private static string Points(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string I(FormattableString value) => FormattableString.Invariant(value);

    /// <summary>A table cell: one line, pipes escaped, HTML not interpreted.</summary>
    private static string Cell(string value) => value
        .Replace("\r", "", StringComparison.Ordinal)
        .Replace('\n', ' ')
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string value) => "`" + value.Replace("`", "'", StringComparison.Ordinal) + "`";
}
