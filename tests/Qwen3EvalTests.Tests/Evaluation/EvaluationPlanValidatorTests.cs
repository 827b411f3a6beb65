using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Tests.Benchmarks;

namespace Qwen3EvalTests.Tests.Evaluation;

public sealed class EvaluationPlanValidatorTests : IDisposable
{
    private readonly TempDataFolder _data = new();

    public EvaluationPlanValidatorTests()
    {
        _data.Write("mmlu/dev/abstract_algebra_dev.csv", string.Concat(Enumerable.Range(0, 5).Select(i => $"dev {i},a,b,c,d,A\n")));
        _data.Write("mmlu/test/abstract_algebra_test.csv", "q,a,b,c,d,B\n");
    }

    public void Dispose() => _data.Dispose();

    private static ModelKindFact Base { get; } = new("m", "/models/m", ModelKind.Base, ModelKindSource.Name);

    private EvaluationPlan Plan(Benchmark benchmark, IPromptProtocol? protocol = null) => new(benchmark, protocol ?? new QwenProtocol(), _data.Root);

    [Fact]
    public void ACompletePlanHasNoProblems() =>
        EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu)], Base).Should().BeEmpty();

    [Fact]
    public void ReportsEveryBrokenBenchmarkOfACommandTogether()
    {
        // C-Eval: a val file but no dev file for the 5 shots; CMMLU: no folder at all.
        var cevalVal = _data.Write("ceval/val/computer_network_val.csv", "id,question,A,B,C,D,answer\n0,q,a,b,c,d,A\n");

        var problems = EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu), Plan(Benchmark.Ceval), Plan(Benchmark.Cmmlu)], Base);

        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.File == cevalVal.Replace("/val/computer_network_val.csv", "/dev/computer_network_dev.csv") && p.Message.Contains("computer_network", StringComparison.Ordinal));
        problems.Should().Contain(p => p.File.EndsWith("cmmlu", StringComparison.Ordinal) && p.Message.Contains("no cmmlu/ folder", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadRowInAFileTheRunReadsIsFoundBeforeTheRun()
    {
        var test = _data.Write("mmlu/test/abstract_algebra_test.csv", "q,a,b,c,d,B\nq2,a,b,c,d,E\n");

        var problems = EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu)], Base);

        problems.Should().ContainSingle().Which.Should().Match<InputProblem>(p => p.File == test && p.Line == 2);
    }

    [Fact]
    public void ThrowsOneErrorListingEveryProblemAndSayingNothingRan()
    {
        var act = () => EvaluationPlanValidator.ThrowIfInvalid([Plan(Benchmark.Mmlu) with { Limit = 0 }, Plan(Benchmark.Cmmlu)], Base);

        act.Should().Throw<EvalInputException>().Which.Message.Should()
            .Contain("2 problems in the evaluation plan, so nothing was run")
            .And.Contain("limit: limit must be at least 1")
            .And.Contain("no cmmlu/ folder");
    }

    [Theory]
    [InlineData("qwen", true, "next-token", "generation")]
    [InlineData("qwen", false, "generation", "next-token")]
    [InlineData("lm-eval", false, "next-token", "loglikelihood")]
    [InlineData("opencompass", false, "loglikelihood", "perplexity")]
    public void AScorerTheProtocolDoesNotUseIsRefusedNamingTheOneItUses(string protocol, bool chat, string asked, string uses)
    {
        ScorerKinds.TryParse(asked, out var scorer).Should().BeTrue();
        var plan = Plan(Benchmark.Mmlu, PromptProtocols.Get(protocol)) with { Chat = chat, Scorer = scorer, AllowKindMismatch = true };

        var problems = EvaluationPlanValidator.Validate([plan], Base);

        problems.Should().ContainSingle().Which.Should().Match<InputProblem>(p => p.Where == "scoring" && p.Message.Contains($"by {uses}, not {asked}", StringComparison.Ordinal));
    }

    [Fact]
    public void TheKindMismatchNamesWhoDecidedTheKindAndHowToDeclareIt()
    {
        var instruct = new ModelKindFact("Qwen3-8B", "/models/Qwen3-8B", ModelKind.Instruct, ModelKindSource.Config);

        var problem = EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu)], instruct).Should().ContainSingle().Subject;

        problem.File.Should().Be("/models/Qwen3-8B");
        problem.Message.Should().Contain("is an instruct model (because genai_config.json carries sampling defaults").And.Contain("run --kind base");
        EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu) with { AllowKindMismatch = true }], instruct).Should().BeEmpty();
    }

    [Theory]
    [InlineData("lm-eval@0.4.3", true)]
    [InlineData("lm-eval@0.4.9", true)]
    [InlineData("lm-eval", false)]
    [InlineData("qwen", false)]
    public void EnableThinkingFalseIsRefusedBeforeAModelLoadsByAReleaseThatCannotSendIt(string protocol, bool refused)
    {
        var instruct = new ModelKindFact("Qwen3-8B", "/models/Qwen3-8B", ModelKind.Instruct, ModelKindSource.Config);
        var plan = Plan(Benchmark.Mmlu, PromptProtocols.Get(protocol)) with { Chat = true, Shots = 0, ChatOptions = new ChatOptions(EnableThinking: false) };

        var problems = EvaluationPlanValidator.Validate([plan], instruct).Where(p => p.Where == "enable_thinking").ToList();

        if (refused)
        {
            problems.Should().ContainSingle().Which.Message.Should().Contain($"{protocol} cannot send enable_thinking=false").And.Contain("v0.4.9.1");
        }
        else
        {
            problems.Should().BeEmpty();
        }
    }

    [Fact]
    public void TooFewDevRowsForTheShotsIsAProblemOfTheDevFile()
    {
        var problems = EvaluationPlanValidator.Validate([Plan(Benchmark.Mmlu) with { Protocol = new LmEvalProtocol(), Shots = 6 }], Base);

        problems.Should().ContainSingle().Which.Should().Match<InputProblem>(p => p.File.EndsWith("abstract_algebra_dev.csv", StringComparison.Ordinal) && p.Message.Contains("has 5 rows but 6 shots", StringComparison.Ordinal));
    }

    [Fact]
    public void GenerationSettingsTheEngineCannotHonourAreRefusedNamingEachSetting()
    {
        var instruct = new ModelKindFact("m", "/models/m", ModelKind.Instruct, ModelKindSource.Name);
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, Generation: GenerationSettings.Qwen3NonThinking);

        var problems = EvaluationPlanValidator.Validate([plan], instruct);

        problems.Select(p => p.Message).Should().BeEquivalentTo(
            ["presence penalty 1.5 is not honoured by the onnxruntime-genai engine; it would be silently ignored. Use presence penalty 0 (off), or an engine that honours it."],
            "GenAI has top_p and top_k search options but no presence penalty");
        problems.Should().OnlyContain(p => p.Where == "generation");
        EvaluationPlanValidator.Validate([plan with { Generation = GenerationSettings.Qwen3NonThinking with { MinP = 0.05 } }], instruct)
            .Select(p => p.Message).Should().Contain(m => m.StartsWith("min-p 0.05 is not honoured by the onnxruntime-genai engine", StringComparison.Ordinal), "GenAI has no min-p");
        EvaluationPlanValidator.Validate([plan with { Generation = GenerationSettings.Qwen3Thinking }], instruct).Should().BeEmpty("GenAI honours the thinking mode's temperature, top-p and top-k");
        EvaluationPlanValidator.Validate([plan], instruct, engine: GenerationSupport.All).Should().BeEmpty();
        EvaluationPlanValidator.Validate([plan with { Generation = null }], instruct).Should().BeEmpty("the protocol's own default (Qwen's scripts: greedy) is honoured");
    }

    [Fact]
    public void AThinkingPlanMustSampleWithTheFullBudget()
    {
        var instruct = new ModelKindFact("m", "/models/m", ModelKind.Instruct, ModelKindSource.Name);
        var thinking = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, ChatOptions: new ChatOptions(EnableThinking: true));

        EvaluationPlanValidator.Validate([thinking], instruct).Select(p => p.Message).Should().ContainSingle()
            .Which.Should().StartWith("thinking mode with greedy decoding and at most 512 new tokens cannot reproduce the Qwen3 report", "the protocol's own default is Qwen's greedy scripts");
        EvaluationPlanValidator.Validate([thinking with { Generation = GenerationSettings.Qwen3Thinking with { MaxNewTokens = 4096 } }], instruct)
            .Should().ContainSingle().Which.Message.Should().StartWith("thinking mode with at most 4096 new tokens cannot reproduce the Qwen3 report");
        EvaluationPlanValidator.Validate([thinking with { Generation = GenerationSettings.Qwen3Thinking }], instruct).Should().BeEmpty();
        EvaluationPlanValidator.Validate([thinking with { ChatOptions = new ChatOptions(EnableThinking: false) }], instruct)
            .Should().BeEmpty("non-thinking mode may run Qwen's greedy script settings");
    }
}
