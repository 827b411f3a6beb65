using System.Text.Json;
using Qwen3EvalTests.Cli.Commands;
using Qwen3EvalTests.Cli.Tests.Reliability;
using Qwen3EvalTests.Testing;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval baseline record</c> in a user's folder outside this repository (evalsuites/ and baselines/ only), on the user's own
/// model folder: --case picks one case by id or display name, an unknown case is exit 2 listing the ids, and the per-question
/// reference run lands in baselines/runs/&lt;suite&gt;/&lt;model&gt;/&lt;benchmark&gt;.json.
/// </summary>
public sealed class BaselineCommandTests : IDisposable
{
    private const string Suite = """
        schemaVersion: 1
        name: mine
        family: tiny
        baseline: recorded
        tolerance: {points: 1.0}
        benchmarks:
          - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: 2}
          - {name: ceval, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: 2}
        models:
          - {id: my-model, kind: base, folder: My-Model}
        """;

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Consumer()
    {
        var consumer = _scratch["consumer"];
        Directory.CreateDirectory(Path.Combine(consumer, "evalsuites"));
        Directory.CreateDirectory(Path.Combine(consumer, "baselines"));
        File.WriteAllText(Path.Combine(consumer, "evalsuites", "mine.yaml"), Suite);
        return consumer;
    }

    private string Models()
    {
        _scratch.CopyOfTinyModel(Path.Combine("models", "My-Model"));
        return _scratch["models"];
    }

    [Fact]
    public async Task RecordsTheOneCaseNamedByItsIdFromTheModelFolderInAFolderOutsideTheRepository()
    {
        var consumer = Consumer();

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--models", Models(), "--suite", "mine", "--case", "mine/my-model/ceval");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        var written = Path.Combine(consumer, "baselines", "runs", "mine", "my-model", "ceval.json");
        run.Stdout.Should().Contain("my-model · ceval · qwen · 5-shot").And.Contain(Path.Combine("baselines", "runs", "mine", "my-model", "ceval.json"));
        File.Exists(Path.Combine(consumer, "baselines", "runs", "mine", "my-model", "mmlu.json")).Should().BeFalse("--case records that case only");
        using var recording = JsonDocument.Parse(File.ReadAllText(written));
        var root = recording.RootElement;
        root.GetProperty("caseId").GetString().Should().Be("mine/my-model/ceval");
        root.GetProperty("model").GetString().Should().Be("my-model");
        root.GetProperty("benchmark").GetString().Should().Be("ceval");
        root.GetProperty("data").GetString().Should().Be("sample");
        root.GetProperty("limit").GetInt32().Should().Be(2);
        // Two questions of each of the sample's three C-Eval subjects (data/sample/ceval/), each with its predicted letter.
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        questions.Select(q => q.GetProperty("subject").GetString()).Distinct().Should()
            .BeEquivalentTo("computer_network", "high_school_physics", "middle_school_geography");
        questions.Should().HaveCount(6).And.OnlyContain(q => q.GetProperty("index").GetInt32() < 2);
        questions.Should().OnlyContain(q => "ABCD".Contains(q.GetProperty("predicted").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordsTheCaseNamedByItsDisplayName()
    {
        var consumer = Consumer();

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--models", Models(), "--case", "my-model · mmlu · qwen · 5-shot");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        Directory.GetFiles(Path.Combine(consumer, "baselines", "runs"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(consumer, f)).Should().Equal(Path.Combine("baselines", "runs", "mine", "my-model", "mmlu.json"));
    }

    [Fact]
    public async Task AnUnknownCaseIsBadInputListingTheSuitesCaseIds()
    {
        var consumer = Consumer();

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--models", Models(), "--suite", "mine", "--case", "mine/my-model/cmmlu");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--case", "no case 'mine/my-model/cmmlu' in suite mine", "mine/my-model/mmlu, mine/my-model/ceval");
        Directory.Exists(Path.Combine(consumer, "baselines", "runs")).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task AModelFolderCaseWithoutTheModelsFolderIsBadInputBeforeAnyModelLoads()
    {
        var consumer = Consumer();

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--suite", "mine");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--models", "case mine/my-model/mmlu runs the model folder 'My-Model'", "case mine/my-model/ceval");
        Directory.Exists(Path.Combine(consumer, "baselines", "runs")).Should().BeFalse("nothing is recorded");
    }

    [Fact]
    public async Task AModelsFolderWithoutTheModelNamesThePathItLookedAt()
    {
        var consumer = Consumer();
        var empty = _scratch["no-models"];
        Directory.CreateDirectory(empty);

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--models", empty, "--case", "mine/my-model/mmlu");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--models", Path.Combine(empty, "My-Model") + " not found (no genai_config.json)");
    }

    [Fact]
    public async Task ABothCaseOfAModelFolderNeedsTheDataItsOfficialNumberIsComparedOn()
    {
        var consumer = Consumer();
        File.WriteAllText(Path.Combine(consumer, "evalsuites", "mine.yaml"), Suite.Replace("baseline: recorded", "baseline: both", StringComparison.Ordinal)
            .Replace("  - {name: ceval, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: 2}\n", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(consumer, "baselines", "official.json"), OwnBaselinesFile.Json("my-model", score: 30.0, tolerance: 1, model: "My-Model"));

        var run = await CliRun.RunAsync("baseline", "record", "--repo", consumer, "--models", Models());

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--data", "case mine/my-model/mmlu has baseline: both", "pass --data DIR");
    }

    [Fact]
    public void TheRepositoryIsTheCurrentFolderWhenItHoldsEvalsuitesElseTheRepositoryAboveIt()
    {
        var consumer = Consumer();

        BaselineCommand.DefaultRepository(consumer).Should().Be(consumer);
        BaselineCommand.DefaultRepository(Path.Combine(RepositoryRoot.Path, "src")).Should().Be(RepositoryRoot.Path);
    }
}
