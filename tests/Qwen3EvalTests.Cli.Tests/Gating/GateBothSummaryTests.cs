using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;
using Qwen3EvalTests.Testing;

namespace Qwen3EvalTests.Cli.Tests.Gating;

/// <summary>
/// A <c>baseline: both</c> case in a user's folder, failing both of its checks, as a reviewer sees it in the gate summary: the row
/// compares with the official number and names each failed check — the tolerance with its numbers, and the drift.
/// </summary>
public sealed class GateBothSummaryTests : IDisposable
{
    private const string CaseId = OwnSuiteFile.CaseId;

    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-gate-both-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The user's own number for its model: 90 %, far above what a model planted on one letter can score.
    private static readonly string OwnBaselines = OwnBaselinesFile.Json("my-tiny", score: 90.0, tolerance: 1);

    private static readonly string Suite = OwnSuiteFile.Both("{seed: 1, tokenizer: bytes, plantedAnswer: A}", tolerancePoints: 1.0, limit: 5);

    [Fact]
    public async Task AFailedBothCaseNamesTheToleranceWithItsNumbersAndTheDrift()
    {
        var consumer = Path.Combine(_folder, "consumer");
        Directory.CreateDirectory(Path.Combine(consumer, "evalsuites"));
        Directory.CreateDirectory(Path.Combine(consumer, "baselines"));
        File.WriteAllText(Path.Combine(consumer, "baselines", "official.json"), OwnBaselines);
        File.WriteAllText(Path.Combine(consumer, "evalsuites", "mine.yaml"), Suite);
        var record = await CliRun.RunAsync("baseline", "record", "--repo", consumer);
        record.ExitCode.Should().Be(QwenEvalCli.ExitOk, record.Stderr);

        // The model now answers B: every question flips, and its accuracy is the share of B answers.
        var catalog = BaselineCatalog.Load(Path.Combine(consumer, "baselines", "official.json"));
        var suite = SuiteLoader.LoadAll(Path.Combine(consumer, "evalsuites"), catalog).Single();
        var plantedB = suite with { Models = [suite.Models[0] with { Generated = suite.Models[0].Generated! with { PlantedAnswer = "B" } }] };
        var results = Path.Combine(_folder, "eval");
        using (var runner = new SuiteCaseRunner(new SuiteRunSettings(null, null, DataFolder.SampleDirectory, Path.Combine(consumer, "artifacts", "models"), results)))
        {
            runner.Run(plantedB, plantedB.Cases.Single(), TestContext.Current.CancellationToken);
        }

        var trx = Path.Combine(_folder, "trx");
        TrxDocument.Write(Path.Combine(trx, "gate.trx"), ($"my-tiny · mmlu · qwen · 5-shot(caseId: \"{CaseId}\")", "Failed", "tolerance: the gate's message"));

        var run = await CliRun.RunAsync("gate", "summary", "--trx", trx, "--results", results, "--repo", consumer);

        run.ExitCode.Should().Be(0, run.Stderr);
        // Expected from the recording's reference answers: the share of B is the planted-B model's accuracy.
        using var recording = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "baselines", "runs", "mine", "my-tiny", "mmlu.json")));
        var answers = recording.RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("answer").GetString()).ToList();
        var measured = 100.0 * answers.Count(a => a == "B") / answers.Count;
        var row = run.Stdout.Split('\n').Should().ContainSingle(l => l.StartsWith("| my-tiny · mmlu · qwen · 5-shot | **failed** |", StringComparison.Ordinal)).Which;
        row.Should().Contain("90.00 % official")
            .And.Contain(string.Create(CultureInfo.InvariantCulture, $"failed checks: tolerance: {measured:F2} % outside 90.00 ± "))
            .And.Contain("points of baseline my-tiny/mmlu, drift; ")
            .And.Contain($"answer drift: {answers.Count} of {answers.Count} changed")
            .And.NotContain("the gate's message", "the message repeats the check the note names");
        run.Stdout.Should().Contain("#### my-tiny · mmlu · qwen · 5-shot vs recorded");
    }
}
