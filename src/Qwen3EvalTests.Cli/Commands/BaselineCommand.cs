using System.CommandLine;
using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval baseline record</c>: re-records the reference runs of the suites whose baseline is
/// "recorded" (the generated tiny models), which the drift gate compares every test run with.
/// Run it when a change of answers is intended, and commit the diff of baselines/runs/.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new Option<string?>("--repo") { Description = "Repository root (holds evalsuites/ and baselines/). Default: found above the current folder." };
        var suiteName = new Option<string?>("--suite") { Description = "Only this suite (by name, e.g. tiny). Default: every suite with recorded baselines." };
        var record = new Command("record", "Run the recorded-baseline suites and write baselines/runs/<suite>/<model>/<benchmark>.json.") { root, suiteName };
        record.SetAction((parse, cancellationToken) =>
        {
            var repo = parse.GetValue(root) ?? RepositoryRoot.Find(Directory.GetCurrentDirectory());
            return Task.FromResult(Record(repo, parse.GetValue(suiteName), stdout, cancellationToken));
        });
        return new Command("baseline", "Recorded reference runs of the drift gate.") { record };
    }

    public static int Record(string repo, string? suiteName, TextWriter stdout, CancellationToken cancellationToken)
    {
        var baselines = RepositoryLayout.Under(repo, RepositoryLayout.Baselines);
        var catalog = BaselineCatalog.Load(Path.Combine(baselines, "official.json"));
        var suites = SuiteLoader.LoadAll(Path.Combine(repo, SuiteLoader.RelativeDirectory), catalog)
            .Where(s => s.Baseline == BaselineOrigin.Recorded && (suiteName is null || s.Name == suiteName))
            .ToList();
        if (suites.Count == 0)
        {
            throw new EvalInputException($"no suite with recorded baselines{(suiteName is null ? "" : $" named '{suiteName}'")} in {SuiteLoader.RelativeDirectory}/.", file: Path.Combine(repo, SuiteLoader.RelativeDirectory), field: "suite");
        }

        if (suites.SelectMany(s => s.Cases).FirstOrDefault(c => c.Repeats > 1) is { } repeated)
        {
            throw new EvalInputException($"case {repeated.Id} has repeats: {repeated.Repeats}; a recording holds one run's answers, so record cases without repeats (nothing was run).", field: "repeats");
        }

        var output = Path.Combine(repo, "artifacts", "baseline-record");
        using var runner = new SuiteCaseRunner(new SuiteRunSettings(
            ModelsFolder: null,
            DataFolder: null,
            SampleFolder: RepositoryLayout.Under(repo, RepositoryLayout.SampleData),
            TinyModelsFolder: RepositoryLayout.Under(repo, RepositoryLayout.TinyModels),
            OutputFolder: output));
        foreach (var suite in suites)
        {
            foreach (var suiteCase in suite.Cases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var run = runner.Run(suite, suiteCase, cancellationToken).Single();
                var path = Path.Combine(baselines, suiteCase.Baseline.Id);
                SuiteCaseRunner.ToRecording(suiteCase, run, "sample").Write(path);
                stdout.WriteLine(FormattableString.Invariant($"{suiteCase.DisplayName}: {run.Summary.Accuracy * 100:F2}% of {run.Summary.Questions} → {Path.GetRelativePath(repo, path)}"));
            }
        }

        return QwenEvalCli.ExitOk;
    }
}
