using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Suites;
using Qwen3EvalTests.Tests.Baselines;
using Qwen3EvalTests.Testing;

namespace Qwen3EvalTests.Tests.Suites;

public class SuiteLoaderTests
{
    private static IReadOnlyList<EvalSuite> Shipped() =>
        SuiteLoader.LoadAll(RepositoryFiles.PathOf(SuiteLoader.RelativeDirectory), OfficialBaselines.Load());

    private static EvalSuite Parse(string yaml) => SuiteLoader.Parse(yaml, "test.yaml", OfficialBaselines.Load());

    [Fact]
    public void ShippedSuitesLoadAndExpandToTheExpectedCaseCounts()
    {
        var suites = Shipped().ToDictionary(s => s.Name, s => s.Cases.Count);
        suites.Should().BeEquivalentTo(new Dictionary<string, int> { ["qwen2"] = 25, ["qwen2.5"] = 13, ["qwen3"] = 24, ["tiny"] = 12 });
    }

    [Theory]
    [InlineData("qwen2", "qwen2-1.5b-base · mmlu · qwen · 5-shot")]
    [InlineData("qwen2", "qwen2-1.5b-base · ceval · qwen · 5-shot")]
    [InlineData("qwen2", "qwen2-1.5b-base · cmmlu · qwen · 5-shot")]
    [InlineData("qwen2", "qwen2-7b-instruct · mmlu · opencompass · 5-shot")]
    [InlineData("qwen2", "qwen2-7b-instruct · ceval · qwen · 0-shot")]
    [InlineData("qwen2", "qwen2-72b-instruct · mmlu · opencompass · 5-shot")]
    [InlineData("qwen2", "qwen2-72b-instruct · ceval · qwen · 0-shot")]
    [InlineData("qwen2.5", "qwen2.5-7b-base · mmlu · qwen · 5-shot")]
    [InlineData("qwen3", "qwen3-8b-base · mmlu · qwen · 5-shot")]
    [InlineData("qwen3", "qwen3-8b · ceval · qwen · 0-shot · non-thinking")]
    [InlineData("qwen3", "qwen3-8b · ceval · qwen · 0-shot · thinking")]
    [InlineData("tiny", "tiny-planted-c · cmmlu · qwen · 5-shot")]
    public void ExpandsToDisplayNames(string suite, string displayName) =>
        Shipped().Single(s => s.Name == suite).Cases.Select(c => c.DisplayName).Should().Contain(displayName);

    [Fact]
    public void ResolvesEachOfficialCaseToItsGateBaseline()
    {
        var qwen2 = Shipped().Single(s => s.Name == "qwen2");
        var instruct = qwen2.Cases.Single(c => c.DisplayName == "qwen2-7b-instruct · mmlu · opencompass · 5-shot");
        instruct.Should().BeEquivalentTo(new
        {
            Kind = ModelKind.Instruct,
            Chat = true,
            Scoring = ScorerKind.GenerateAndExtract,
            Folder = "Qwen2-7B-Instruct",
            Baseline = new BaselineReference(BaselineOrigin.Official, "qwen2-7b-instruct/mmlu"),
            Tolerance = new Tolerance(1.0, true),
            Id = "qwen2/qwen2-7b-instruct/mmlu",
        });
        qwen2.Cases.Where(c => c.Kind == ModelKind.Base).Should().OnlyContain(c => !c.Chat && c.Scoring == ScorerKind.NextTokenChoice && c.Shots == 5);
    }

    [Fact]
    public void TinySuiteUsesRecordedRunsOfGeneratedModels()
    {
        var tiny = Shipped().Single(s => s.Name == "tiny");
        tiny.Baseline.Should().Be(BaselineOrigin.Recorded);
        tiny.Models.Select(m => m.Generated).Should().Equal(
            new GeneratedModel(1, "bytes", null), new GeneratedModel(1, "bytes", "A"), new GeneratedModel(1, "qwen3", "C"));
        tiny.Cases.Single(c => c.ModelId == "tiny-planted-a" && c.Benchmark == Benchmark.Mmlu).Baseline
            .Should().Be(new BaselineReference(BaselineOrigin.Recorded, "runs/tiny/tiny-planted-a/mmlu.json"));
    }

    [Fact]
    public void ReportsEveryProblemOfABadSuiteTogetherWithLines()
    {
        const string yaml = """
            schemaVersion: 3
            name: bad
            family: qwen2
            tolerance: {points: 0}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
              - {id: qwen2.5-7b-base, kind: base, folder: Qwen2.5-7B}
            benchmarks:
              - {name: gsm8k, protocol: qwen, shots: 5, scoring: next-token, chat: false}
              - {name: mmlu, protocol: helm, shots: 5, scoring: next-token, chat: false}
              - {name: cmmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            overrides:
              - {model: qwen9-base, benchmark: mmlu, tolerance: 2, reason: test}
            colour: red
            """;
        var error = FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>().Which;
        error.File.Should().Be("test.yaml");
        error.Message.Should().Contain("test.yaml:1: schemaVersion: unknown schemaVersion 3")
            .And.Contain("test.yaml:4: tolerance.points: '0' is not valid")
            .And.Contain("test.yaml:7: models[1].id: duplicate model id 'qwen2-1.5b-base'")
            .And.Contain("test.yaml:10: benchmarks[0].name: unknown benchmark 'gsm8k'")
            .And.Contain("test.yaml:11: benchmarks[1].protocol: unknown protocol 'helm'; expected one of qwen, qwen@pandas2, lm-eval, lm-eval@0.4.9, lm-eval@0.4.3, opencompass, opencompass@clean")
            .And.Contain("test.yaml:15: colour: unknown key 'colour'")
            .And.Contain("test.yaml:14: overrides[0].model: unknown model id 'qwen9-base'")
            .And.Contain("test.yaml:8: models[qwen2.5-7b-base] × benchmarks[cmmlu]: no official baseline for qwen2.5-7b-base / cmmlu");
    }

    [Fact]
    public void RejectsAChatCaseOnABaseModelNamingTheModelAndTheFix()
    {
        const string yaml = """
            schemaVersion: 1
            name: mixed
            family: qwen2
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: mmlu, protocol: opencompass, shots: 5, scoring: generation, chat: true}
            """;
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 8 && e.Field == "models[qwen2-1.5b-base] × benchmarks[mmlu]")
            .WithMessage("test.yaml:8:*model 'qwen2-1.5b-base' is a base model but mmlu is run with chat: true*Fix: use chat: false with the protocol's base scoring*allowKindMismatch: true*");

        var allowed = Parse(yaml.Replace("tolerance:", "allowKindMismatch: true\ntolerance:", StringComparison.Ordinal));
        allowed.Cases.Should().ContainSingle().Which.DisplayName.Should().Be("qwen2-1.5b-base · mmlu · opencompass · 5-shot");
    }

    [Fact]
    public void RejectsAScoringOrShotsTheProtocolDoesNotAllowWithTheirLines()
    {
        const string yaml = """
            schemaVersion: 1
            name: mixed
            family: qwen2
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-7b-instruct, kind: instruct, folder: Qwen2-7B-Instruct}
            benchmarks:
              - {name: mmlu, protocol: opencompass, shots: 5, scoring: loglikelihood, chat: true}
              - {name: ceval, protocol: qwen, shots: 5, scoring: generation, chat: true}
            """;

        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>().Which.Message.Should()
            .Contain("test.yaml:8: benchmarks[0].scoring: protocol opencompass scores mmlu chat prompts by generation, not loglikelihood; write scoring: generation")
            .And.Contain("test.yaml:9: benchmarks[1].shots: protocol qwen takes no shots in the chat form (QwenLM/Qwen eval/evaluate_chat_ceval.py @2df8e8ac is 0-shot), but 5 were asked");
    }

    [Fact]
    public void RejectsCompletionOnAnInstructModel()
    {
        const string yaml = """
            schemaVersion: 1
            name: mixed
            family: qwen2
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-7b-instruct, kind: instruct, folder: Qwen2-7B-Instruct}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            """;
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>()
            .WithMessage("*model 'qwen2-7b-instruct' is an instruct model but mmlu is run as plain completion*");
    }

    [Fact]
    public void RejectsDuplicateCases()
    {
        const string yaml = """
            schemaVersion: 1
            name: dup
            family: qwen2
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
              - {name: mmlu, kind: base, protocol: lm-eval, shots: 5, scoring: loglikelihood, chat: false}
            """;
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>()
            .WithMessage("*duplicate case qwen2-1.5b-base · mmlu · lm-eval · 5-shot*");
    }

    [Fact]
    public void ReadsRepeatsOfASampledCaseAndRefusesThemOnADeterministicOneWithTheLine()
    {
        const string yaml = """
            schemaVersion: 1
            name: rep
            family: qwen3
            tolerance: {points: 1.0}
            models:
              - {id: qwen3-8b, kind: instruct, folder: Qwen3-8B, modes: [thinking]}
            benchmarks:
              - {name: ceval, kind: instruct, protocol: qwen, shots: 0, scoring: generation, chat: true, repeats: 3}
            """;
        Parse(yaml).Cases.Should().ContainSingle().Which.Repeats.Should().Be(3);

        const string deterministic = """
            schemaVersion: 1
            name: rep
            family: qwen2
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false, repeats: 2}
              - {name: ceval, protocol: qwen, shots: 5, scoring: next-token, chat: false, repeats: 0}
            """;
        FluentActions.Invoking(() => Parse(deterministic)).Should().Throw<EvalInputException>().Which.Message.Should()
            .Contain("test.yaml:8: benchmarks[0].repeats: repeats: 2 repeats a deterministic case: next-token scoring gives the same answers every run")
            .And.Contain("test.yaml:9: benchmarks[1].repeats:");
    }

    [Fact]
    public void AppliesPerCaseOverrides()
    {
        const string yaml = """
            schemaVersion: 1
            name: over
            family: qwen2
            tolerance: {points: 1.0, widenToInterval: false}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: cmmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            overrides:
              - {model: qwen2-1.5b-base, benchmark: cmmlu, tolerance: 4.0, limit: 10, reason: third parties land 3.5 lower}
            """;
        var single = Parse(yaml).Cases.Should().ContainSingle().Which;
        single.Tolerance.Should().Be(new Tolerance(4.0, false));
        single.Limit.Should().Be(10);
    }

    // A project's own number for its own model (what a fine-tuner adds to its baselines/official.json for baseline: both).
    private static readonly string OwnBaselines = OwnBaselinesFile.Json("my-finetune", score: 61.5, tolerance: 1, model: "My-Finetune");

    private static EvalSuite ParseWithOwnBaselines(string yaml) =>
        SuiteLoader.Parse(yaml, "test.yaml", OfficialBaselines.Load().ExtendedWith(BaselineCatalog.Parse(OwnBaselines, "own.json")));

    [Fact]
    public void ARecordedSuiteNamesAModelFolderOrAServedModelAndRecordsUnderItsSuiteAndModel()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: recorded
            tolerance: {points: 1.0}
            models:
              - {id: my-finetune, kind: base, folder: My-Finetune-int4}
              - {id: my-served, kind: instruct, folder: my-served, huggingFace: acme/My-Served-Instruct}
            benchmarks:
              - {name: mmlu, kind: base, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: 20}
              - {name: ceval, kind: instruct, protocol: qwen, shots: 0, scoring: generation, chat: true}
            """;
        var suite = Parse(yaml);
        suite.Baseline.Should().Be(BaselineOrigin.Recorded);
        suite.Models.Should().OnlyContain(m => m.Generated == null);
        var folderCase = suite.Cases.Single(c => c.ModelId == "my-finetune");
        folderCase.Folder.Should().Be("My-Finetune-int4");
        folderCase.Baseline.Should().Be(new BaselineReference(BaselineOrigin.Recorded, "runs/mine/my-finetune/mmlu.json"));
        folderCase.Baseline.RecordingPath.Should().Be("runs/mine/my-finetune/mmlu.json");
        var servedCase = suite.Cases.Single(c => c.ModelId == "my-served");
        servedCase.Baseline.RecordingPath.Should().Be("runs/mine/my-served/ceval.json");
        suite.Models.Single(m => m.Id == "my-served").Serves("acme/My-Served-Instruct").Should().BeTrue();
    }

    [Fact]
    public void ABothSuiteResolvesTheOfficialNumberAndTheRecordedRunOfEachCase()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: both
            tolerance: {points: 1.0}
            models:
              - {id: my-finetune, kind: base, folder: My-Finetune-int4}
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            """;
        var suite = ParseWithOwnBaselines(yaml);
        suite.Baseline.Should().Be(BaselineOrigin.Both);
        var own = suite.Cases.Single(c => c.ModelId == "my-finetune").Baseline;
        own.Origin.Should().Be(BaselineOrigin.Both);
        own.Id.Should().Be("my-finetune/mmlu");
        own.RecordingPath.Should().Be("runs/mine/my-finetune/mmlu.json");
        own.ToString().Should().Be("official my-finetune/mmlu and recorded runs/mine/my-finetune/mmlu.json");
        suite.Cases.Single(c => c.ModelId == "qwen2-1.5b-base").Baseline
            .Should().Be(BaselineReference.Both("qwen2-1.5b-base/mmlu", "runs/mine/qwen2-1.5b-base/mmlu.json"));
    }

    [Fact]
    public void ABothCaseWithoutAnOfficialNumberNamesTheModelLineAndBothFixes()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: both
            tolerance: {points: 1.0}
            models:
              - {id: my-finetune, kind: base, folder: My-Finetune-int4}
            benchmarks:
              - {name: ceval, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            """;
        FluentActions.Invoking(() => ParseWithOwnBaselines(yaml)).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 7 && e.Field == "models[my-finetune] × benchmarks[ceval]")
            .WithMessage("test.yaml:7:*no official baseline for my-finetune / ceval*baseline: both compares with an official number as well as the recorded run*your own baselines/official.json*baseline: recorded*");
    }

    [Fact]
    public void ABothCaseWhoseOfficialNumberIsOfTheOtherKindIsRefusedAtTheModelLine()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: both
            allowKindMismatch: true
            tolerance: {points: 1.0}
            models:
              - {id: my-finetune, kind: instruct, folder: My-Finetune-int4}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            """;
        FluentActions.Invoking(() => ParseWithOwnBaselines(yaml)).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 8 && e.Field == "models[my-finetune].kind")
            .WithMessage("*kind instruct disagrees with baseline my-finetune/mmlu (base)*");
    }

    [Theory]
    [InlineData("recorded")]
    [InlineData("both")]
    public void ASuiteGatedOnARecordedRunRefusesRepeatsAtTheirLine(string origin)
    {
        var yaml = $$"""
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: {{origin}}
            tolerance: {points: 1.0}
            models:
              - {id: qwen3-8b, kind: instruct, folder: Qwen3-8B, modes: [thinking]}
            benchmarks:
              - {name: ceval, kind: instruct, protocol: qwen, shots: 0, scoring: generation, chat: true, repeats: 3}
            """;
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 9 && e.Field == "benchmarks[0].repeats")
            .WithMessage($"test.yaml:9:*repeats: 3 in a suite with baseline: {origin}; a recorded run holds one run's answers*Remove repeats*");
    }

    [Fact]
    public void AnUnknownBaselineOriginNamesTheThreeThatExist()
    {
        const string yaml = """
            schemaVersion: 1
            name: mine
            family: qwen3
            baseline: previous
            tolerance: {points: 1.0}
            models:
              - {id: qwen2-1.5b-base, kind: base, folder: Qwen2-1.5B}
            benchmarks:
              - {name: mmlu, protocol: qwen, shots: 5, scoring: next-token, chat: false}
            """;
        FluentActions.Invoking(() => Parse(yaml)).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 4 && e.Field == "baseline")
            .WithMessage("test.yaml:4:*'previous' is not a baseline origin; expected official*recorded*or both.*");
    }

    [Fact]
    public void ReportsInvalidYamlWithItsLine() =>
        FluentActions.Invoking(() => Parse("name: x\nfamily: y\n  bad: z\n")).Should().Throw<EvalInputException>()
            .Where(e => e.Line == 3 && e.Message.Contains("not valid YAML", StringComparison.Ordinal));

    [Fact]
    public void ReportsAnUnclosedListAsInvalidYaml() =>
        FluentActions.Invoking(() => Parse("name: [unclosed\nfamily: x\n")).Should().Throw<EvalInputException>()
            .WithMessage("*not valid YAML*");
}
