using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Cli;
using Qwen3EvalTests.Suites;
using Qwen3EvalTests.Testing;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// A <c>baseline: both</c> suite in a folder outside this repository, as a user keeps one: its reference run recorded with
/// <c>qwen3eval baseline record</c>, the case passes; the model regenerated with another seed fails it on drift, naming the check.
/// </summary>
public sealed class OfficialAndRecordedGateTests : IDisposable
{
    private const string CaseId = OwnSuiteFile.CaseId;

    private readonly string _consumer = Directory.CreateTempSubdirectory("qwen3eval-both-").FullName;

    public void Dispose() => Directory.Delete(_consumer, recursive: true);

    // The user's own number for the model, beside the shipped official ones: chance level on four options, with a tolerance
    // of 30 points, so that the tolerance check passes for any seed and the drift check alone decides.
    private static readonly string OwnBaselines = OwnBaselinesFile.Json("my-tiny", score: 25.0, tolerance: 30);

    private static string Suite(int seed) => OwnSuiteFile.Both($"{{seed: {seed}, tokenizer: bytes}}", tolerancePoints: 30.0, limit: 10);

    [Fact]
    public async Task ABothCaseRecordedWithBaselineRecordPassesOnTheSameModel()
    {
        var recordingPath = await RecordWithSeed1();

        var sameModel = () => Gate(recordingPath, TestContext.Current.CancellationToken);

        sameModel.Should().NotThrow("the same model gives the recorded answers, within 30 points of chance level");
    }

    [Fact]
    public async Task ABothCaseFailsOnDriftNamingTheCheckOnceTheModelIsRegeneratedWithAnotherSeed()
    {
        var recordingPath = await RecordWithSeed1();
        WriteConsumer(seed: 2);

        var regenerated = () => Gate(recordingPath, TestContext.Current.CancellationToken);

        regenerated.Should().Throw<Exception>()
            .WithMessage("drift: * of 30 answers flipped, McNemar p = *Drift in my-tiny · mmlu · qwen · 5-shot: answers differ from the recorded run*" +
                "qwen3eval baseline record --suite mine --case mine/my-tiny/mmlu*")
            .Which.Message.Should().NotContain("tolerance:", "the tolerance check passes: 30 points around chance level hold any model");
    }

    [Fact]
    public void ACaseWhoseRecordingIsMissingFailsNamingTheCommandThatRecordsIt()
    {
        WriteConsumer(seed: 1);
        var missing = Path.Combine(_consumer, "baselines", "runs", "mine", "my-tiny", "mmlu.json");

        var gate = () => Gate(missing, TestContext.Current.CancellationToken);

        gate.Should().Throw<Exception>()
            .WithMessage($"recording: my-tiny · mmlu · qwen · 5-shot has no recorded run at {missing}*Record it with `qwen3eval baseline record --suite mine --case mine/my-tiny/mmlu` and commit it.");
    }

    [Fact]
    public void ARecordedCaseOfAModelFolderThatIsNotHereSkipsWithTheSettingToProvide()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: recorded
            tolerance: {points: 1.0}
            benchmarks:
              - {name: mmlu, kind: base, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            models:
              - {id: my-finetune, kind: base, folder: My-Finetune-int4}
            """;
        var suite = SuiteLoader.Parse(yaml, "mine.yaml", BaselineCatalog.Load(Assertions.RepositoryFiles.PathOf(RepositoryLayout.OfficialBaselines)));
        var absent = Path.Combine(_consumer, "models");
        Directory.CreateDirectory(absent);

        foreach (var (modelsFolder, reason) in new[]
        {
            ((string?)null, "no models folder: set -p:EvalModelsDir=DIR*'My-Finetune-int4'*"),
            (absent, $"model folder {Path.Combine(absent, "My-Finetune-int4")} not found (no genai_config.json)*"),
        })
        {
            using var runner = new SuiteCaseRunner(new SuiteRunSettings(modelsFolder, null, DataFolder.SampleDirectory, Path.Combine(_consumer, "artifacts", "models"), Path.Combine(_consumer, "results")));
            var gate = () => GateChecks.RecordedCase(runner, suite, suite.Cases.Single(), Path.Combine(_consumer, "no-recording.json"), TestContext.Current.CancellationToken);

            // Assert.Skip ends the case as skipped (not passed, not failed on the missing recording), with the reason.
            gate.Should().Throw<Exception>().Where(e => e.GetType().Name.Contains("Skip", StringComparison.Ordinal)).WithMessage("*" + reason);
        }
    }

    private async Task<string> RecordWithSeed1()
    {
        WriteConsumer(seed: 1);
        var record = await CliRunOf("baseline", "record", "--repo", _consumer, "--suite", "mine", "--case", CaseId);
        record.ExitCode.Should().Be(QwenEvalCli.ExitOk, record.Stderr);
        var recordingPath = Path.Combine(_consumer, "baselines", "runs", "mine", "my-tiny", "mmlu.json");
        File.Exists(recordingPath).Should().BeTrue("baseline record writes baselines/runs/<suite>/<model>/<benchmark>.json");
        return recordingPath;
    }

    private void Gate(string recordingPath, CancellationToken cancellationToken)
    {
        var catalog = BaselineCatalog.Load(Assertions.RepositoryFiles.PathOf(RepositoryLayout.OfficialBaselines))
            .ExtendedWith(BaselineCatalog.Load(Path.Combine(_consumer, "baselines", "official.json")));
        var suite = SuiteLoader.LoadAll(Path.Combine(_consumer, "evalsuites"), catalog).Single();
        var suiteCase = suite.Cases.Single(c => c.Id == CaseId);
        using var runner = new SuiteCaseRunner(new SuiteRunSettings(
            null, null, DataFolder.SampleDirectory, Path.Combine(_consumer, "artifacts", "models"), Path.Combine(_consumer, "results")));
        GateChecks.OfficialAndRecordedCase(runner, suite, suiteCase, catalog, recordingPath, cancellationToken);
    }

    private void WriteConsumer(int seed)
    {
        Directory.CreateDirectory(Path.Combine(_consumer, "evalsuites"));
        Directory.CreateDirectory(Path.Combine(_consumer, "baselines"));
        File.WriteAllText(Path.Combine(_consumer, "baselines", "official.json"), OwnBaselines);
        File.WriteAllText(Path.Combine(_consumer, "evalsuites", "mine.yaml"), Suite(seed));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> CliRunOf(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await QwenEvalCli.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
