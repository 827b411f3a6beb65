using System.CommandLine;
using Qwen3EvalTests.Cli.Gating;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval gate summary --trx DIR --results DIR [--out FILE] [--baseline-branch-results DIR]</c>: the
/// pull-request page of a gate run — per case measured, baseline, delta, tolerance and outcome (with the skip
/// reason), the flipped questions and McNemar of drifted cases, changed prompt snapshots, totals.
/// </summary>
public static class GateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var trx = new Option<string>("--trx") { Description = "Folder of the TRX files of `dotnet test --logger trx --results-directory DIR` (searched recursively).", Required = true };
        var results = new Option<string>("--results") { Description = "The results JSON the gate cases wrote: TestResults/eval/ of the repository.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the Markdown here (e.g. $GITHUB_STEP_SUMMARY) instead of to stdout." };
        var baseBranch = new Option<string?>("--baseline-branch-results") { Description = "TestResults/eval/ of a run of the base branch: adds its scores and the answers that changed since." };
        var repo = new Option<string?>("--repo") { Description = "The folder holding evalsuites/ and baselines/ (a repository root, or a gate project of your own). Default: the current folder when it holds evalsuites/, else the repository found above it." };
        var summary = new Command("summary", "Render one Markdown page of a gate run for the pull request.") { trx, results, output, baseBranch, repo };
        summary.SetAction(parse =>
        {
            var request = new GateSummaryRequest(
                parse.GetValue(trx)!,
                parse.GetValue(results)!,
                parse.GetValue(repo) ?? RepositoryRoot.OfSuites(Directory.GetCurrentDirectory()),
                parse.GetValue(baseBranch));
            var gate = GateSummaryBuilder.Build(request);
            var markdown = GateSummaryMarkdown.Render(gate);
            if (parse.GetValue(output) is { } path)
            {
                Write(path, markdown);
                stdout.WriteLine(FormattableString.Invariant($"gate summary: {gate.Totals.Failed} failed, {gate.Totals.Passed} passed, {gate.Totals.Skipped} skipped → {path}"));
            }
            else
            {
                stdout.Write(markdown);
            }

            return QwenEvalCli.ExitOk;
        });
        return new Command("gate", "Pull-request gating: summarise a `dotnet test` run of the gate.") { summary };
    }

    private static void Write(string path, string markdown)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, markdown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalInputException($"cannot write the summary ({e.Message}): pass a writable --out path.", file: path, field: "--out");
        }
    }
}
