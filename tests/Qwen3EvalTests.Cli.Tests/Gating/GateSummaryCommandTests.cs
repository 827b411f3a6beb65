using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Qwen3EvalTests.Gate.Snapshots;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// <c>qwen3eval gate summary</c> on the fixture (Gating/Fixture): a TRX trimmed by hand from a real run of the gate
/// tests (tiny MMLU cases with the planted-letter mutation, two official cases that skip, two prompt snapshot tests,
/// one of them failing), the results JSON that run wrote, and a trimmed repository (suites, baselines, recordings).
/// Expected cells are read from the fixture files here with XDocument / JsonDocument, not through the harness.
/// </summary>
public sealed class GateSummaryCommandTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot.Path, "tests", "Qwen3EvalTests.Cli.Tests", "Gating", "Fixture");

    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-gate-").FullName;

    public GateSummaryCommandTests()
    {
        CopyFolder(Path.Combine(Fixture, "repo"), Repo);
    }

    private string Repo => Path.Combine(_folder, "repo");

    private static string TrxFolder => Path.Combine(Fixture, "trx");

    private static string ResultsFolder => Path.Combine(Fixture, "eval");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RendersTheFixtureRunAsTheApprovedPage()
    {
        // A snapshot mismatch left on disk (a *.received.txt beside its *.approved.txt), as a failed snapshot test leaves it.
        var snapshots = Directory.CreateDirectory(Path.Combine(Repo, "tests", "Example.Tests", "Snapshots")).FullName;
        File.WriteAllText(Path.Combine(snapshots, "prompt-example.approved.txt"), "answer:\n");
        File.WriteAllText(Path.Combine(snapshots, "prompt-example.received.txt"), "Answer:\n");
        var output = Path.Combine(_folder, "out", "summary.md");

        var run = await Summary("--out", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be($"gate summary: 2 failed, 2 passed, 2 skipped → {output}\n");
        SnapshotAssert.Matches(File.ReadAllText(output), Path.Combine("Snapshots", "gate-summary-fixture"));
    }

    [Fact]
    public async Task ShowsEveryCaseOfTheTrxWithItsOutcomeAndTheSkipReason()
    {
        var run = await Summary();

        run.ExitCode.Should().Be(0, run.Stderr);
        var cases = XDocument.Load(Path.Combine(TrxFolder, "gate-tests.trx"))
            .Descendants(TrxDocument.Trx + "UnitTestResult")
            .Select(e => (Name: e.Attribute("testName")!.Value, Outcome: e.Attribute("outcome")!.Value, Message: e.Descendants(TrxDocument.Trx + "Message").SingleOrDefault()?.Value))
            .Where(r => r.Name.Contains("(caseId: ", StringComparison.Ordinal))
            .ToList();
        cases.Should().HaveCount(4);
        foreach (var (name, outcome, message) in cases)
        {
            var displayName = name[..name.IndexOf("(caseId: ", StringComparison.Ordinal)];
            var row = RowOf(run.Stdout, displayName);
            var expectedOutcome = outcome switch { "Passed" => "| passed |", "Failed" => "| **failed** |", _ => "| skipped |" };
            row.Should().Contain(expectedOutcome, "the TRX says {0} for {1}", outcome, displayName);
            if (outcome == "NotExecuted")
            {
                row.Should().Contain(message!.Trim(), "a skipped case shows its skip reason");
            }
        }

        run.Stdout.Should().Contain("**2 failed**, 2 passed, 2 skipped of 6 tests in 1 TRX file (`gate-tests.trx`).");
    }

    [Fact]
    public async Task MeasuredBaselineDeltaAndToleranceAreTheGateTestsNumbers()
    {
        var run = await Summary();

        run.ExitCode.Should().Be(0, run.Stderr);
        var (correct, total) = CountCorrect(Path.Combine(ResultsFolder, "tiny", "tiny-bytes-seed1", "mmlu.json"));
        var measured = 100.0 * correct / total;
        using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo, "baselines", "runs", "tiny", "tiny-bytes-seed1", "mmlu.json")));
        var baseline = recording.RootElement.GetProperty("accuracy").GetDouble() * 100;
        // The tiny suite's tolerance: 1 point, widened to the measurement's 95 % normal half-width when larger.
        var p = measured / 100;
        var halfWidth = 1.959963984540054 * Math.Sqrt(p * (1 - p) / total) * 100;
        var row = RowOf(run.Stdout, "tiny-bytes-seed1 · mmlu · qwen · 5-shot");

        row.Should().Be(string.Create(
            CultureInfo.InvariantCulture,
            $"| tiny-bytes-seed1 · mmlu · qwen · 5-shot | passed | {measured:F2} % (n={total}) | {baseline:F2} % recorded | {measured - baseline:+0.00;-0.00;0.00} | ±{Math.Max(1, halfWidth):F2} (95 % CI) |  |"));
        RowOf(run.Stdout, "qwen3-8b-base · mmlu · qwen · 5-shot").Should().Contain(
            string.Create(CultureInfo.InvariantCulture, $"| — | {OfficialScore("qwen3-8b-base/mmlu"):F2} % official | — | ±1.00 |"),
            "a skipped official case shows its baseline and the suite's tolerance");
    }

    [Fact]
    public async Task RepeatsOfACaseAreShownAsTheirMeanWithTheirSpreadInTheTolerance()
    {
        // Two repeats of tiny-bytes-seed1 · mmlu, as SuiteCaseRunner names them: the fixture's own run and tiny-planted-a's answers.
        var results = Path.Combine(_folder, "repeat-eval");
        CopyFolder(ResultsFolder, results);
        var caseFolder = Path.Combine(results, "tiny", "tiny-bytes-seed1");
        File.Move(Path.Combine(caseFolder, "mmlu.json"), Path.Combine(caseFolder, "mmlu-r1.json"));
        File.Copy(Path.Combine(ResultsFolder, "tiny", "tiny-planted-a", "mmlu.json"), Path.Combine(caseFolder, "mmlu-r2.json"));

        var run = await CliRun.RunAsync(["gate", "summary", "--trx", TrxFolder, "--results", results, "--repo", Repo]);

        run.ExitCode.Should().Be(0, run.Stderr);
        var (first, total) = CountCorrect(Path.Combine(caseFolder, "mmlu-r1.json"));
        var (second, _) = CountCorrect(Path.Combine(caseFolder, "mmlu-r2.json"));
        var scores = new[] { 100.0 * first / total, 100.0 * second / total };
        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / (scores.Length - 1));
        var p = mean / 100;
        var tolerance = Math.Max(1, 1.959963984540054 * Math.Sqrt(p * (1 - p) / total) * 100) + 1.959963984540054 * sd / Math.Sqrt(scores.Length);
        var row = RowOf(run.Stdout, "tiny-bytes-seed1 · mmlu · qwen · 5-shot");
        row.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"| {mean:F2} % (n={total}) |"), "the measured cell is the repeats' mean")
            .And.Contain(string.Create(CultureInfo.InvariantCulture, $"±{tolerance:F2}"), "the repeats' spread 1.96·SD/√N is added to the tolerance");
        run.Stdout.Split('\n').Should().NotContain(l => l.Contains("mmlu-r1", StringComparison.Ordinal), "a repeat's file is its case, not a case of its own");
    }

    [Fact]
    public async Task BaseBranchResultsAddTheirScoreAndTheAnswersChangedSince()
    {
        // The base branch's tiny-bytes-seed1 answered like tiny-planted-a does now.
        var baseBranch = Path.Combine(_folder, "base-eval");
        CopyFolder(ResultsFolder, baseBranch);
        File.Copy(Path.Combine(ResultsFolder, "tiny", "tiny-planted-a", "mmlu.json"), Path.Combine(baseBranch, "tiny", "tiny-bytes-seed1", "mmlu.json"), overwrite: true);

        var run = await Summary("--baseline-branch-results", baseBranch);

        run.ExitCode.Should().Be(0, run.Stderr);
        var before = Answers(Path.Combine(baseBranch, "tiny", "tiny-bytes-seed1", "mmlu.json"));
        var now = Answers(Path.Combine(ResultsFolder, "tiny", "tiny-bytes-seed1", "mmlu.json"));
        var changed = now.Where(q => before[(q.Key.Subject, q.Key.Index)].Predicted != q.Value.Predicted).ToList();
        changed.Should().NotBeEmpty("the fixture's two models answer differently");
        run.Stdout.Should().Contain("| case | outcome | measured | baseline | delta | tolerance | base branch | vs base branch | note |");
        run.Stdout.Should().Contain("#### tiny-bytes-seed1 · mmlu · qwen · 5-shot vs base branch");
        run.Stdout.Should().Contain($"Against the base branch's results: {changed.Count} of {now.Count} answers changed");
        foreach (var (key, answer) in changed)
        {
            run.Stdout.Should().Contain($"| {key.Subject}[{key.Index}] | {answer.Answer} | {before[key].Predicted} | {answer.Predicted} |");
        }

        var (correctBefore, total) = CountCorrect(Path.Combine(baseBranch, "tiny", "tiny-bytes-seed1", "mmlu.json"));
        RowOf(run.Stdout, "tiny-bytes-seed1 · mmlu · qwen · 5-shot").Should().Contain(string.Create(CultureInfo.InvariantCulture, $"| {100.0 * correctBefore / total:F2} % |"));
    }

    [Fact]
    public async Task RendersTheSameBytesEveryTime()
    {
        var first = await Summary();
        var second = await Summary();

        first.ExitCode.Should().Be(0, first.Stderr);
        second.Stdout.Should().Be(first.Stdout);
    }

    [Fact]
    public async Task AMissingTrxFolderIsABadInputErrorNamingIt()
    {
        var missing = Path.Combine(_folder, "no-trx");

        var run = await CliRun.RunAsync("gate", "summary", "--trx", missing, "--results", ResultsFolder, "--repo", Repo);

        ShouldBeBadInput(run, missing, "--logger trx");
    }

    [Fact]
    public async Task AFolderWithoutTrxFilesIsABadInputError()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var run = await CliRun.RunAsync("gate", "summary", "--trx", empty, "--results", ResultsFolder, "--repo", Repo);

        ShouldBeBadInput(run, empty, "no *.trx file");
    }

    [Fact]
    public async Task AMalformedTrxIsABadInputErrorNamingTheFileAndLine()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bad")).FullName;
        var file = Path.Combine(folder, "cut.trx");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(TrxFolder, "gate-tests.trx"))[..4000]);

        var run = await CliRun.RunAsync("gate", "summary", "--trx", folder, "--results", ResultsFolder, "--repo", Repo);

        ShouldBeBadInput(run, file + ":", "not a well-formed TRX file");
    }

    [Fact]
    public async Task ATrxWithoutTestResultsIsAnErrorNotAnEmptyPage()
    {
        var folder = Path.Combine(_folder, "none");
        TrxDocument.Write(Path.Combine(folder, "empty.trx"));

        var run = await CliRun.RunAsync("gate", "summary", "--trx", folder, "--results", ResultsFolder, "--repo", Repo);

        ShouldBeBadInput(run, folder, "hold no test results");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task AMissingResultsFolderIsABadInputErrorNamingIt()
    {
        var missing = Path.Combine(_folder, "no-eval");

        var run = await CliRun.RunAsync("gate", "summary", "--trx", TrxFolder, "--results", missing, "--repo", Repo);

        ShouldBeBadInput(run, missing, "--results");
    }

    private Task<CliRun> Summary(params string[] extra) =>
        CliRun.RunAsync(["gate", "summary", "--trx", TrxFolder, "--results", ResultsFolder, "--repo", Repo, .. extra]);

    private static void ShouldBeBadInput(CliRun run, string path, string hint)
    {
        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().StartWith("error: " + path).And.Contain(hint).And.NotContain("   at ");
    }

    /// <summary>The table row of a case: the line that starts with its name.</summary>
    private static string RowOf(string markdown, string displayName) =>
        markdown.Split('\n').Should().ContainSingle(l => l.StartsWith("| " + displayName + " |", StringComparison.Ordinal)).Subject;

    private static (int Correct, int Total) CountCorrect(string resultsFile)
    {
        var answers = Answers(resultsFile);
        return (answers.Values.Count(a => a.Answer == a.Predicted), answers.Count);
    }

    private static Dictionary<(string Subject, int Index), (string Answer, string? Predicted)> Answers(string resultsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(resultsFile));
        return document.RootElement.GetProperty("questions").EnumerateArray().ToDictionary(
            q => (q.GetProperty("subject").GetString()!, q.GetProperty("index").GetInt32()),
            q => (q.GetProperty("answer").GetString()!, q.GetProperty("predicted").GetString()));
    }

    private double OfficialScore(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo, "baselines", "official.json")));
        return document.RootElement.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id).GetProperty("score").GetDouble();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
