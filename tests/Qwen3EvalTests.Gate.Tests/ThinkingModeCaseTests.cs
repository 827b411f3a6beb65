using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Results;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// Qwen3 hybrid cases generate as the Qwen3 report evaluates them. Thinking: temperature 0.6, top-p 0.95, top-k 20;
/// non-thinking: temperature 0.7, top-p 0.8, top-k 20, presence penalty 1.5; both up to 32,768 new tokens
/// (Qwen3 technical report, S4 evaluation settings; the expectation is written from the report, not from the code).
/// </summary>
public sealed class ThinkingModeCaseTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("qwen3eval-thinking-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static readonly ModelKindFact Instruct = new("qwen3-8b", null, ModelKind.Instruct, ModelKindSource.Declared);

    [Fact]
    public void EveryQwen3ModeCaseGeneratesWithTheReportsSettingsAndRepeats()
    {
        var modeCases = GateSuites.Suites.Single(s => s.Name == "qwen3").Cases.Where(c => c.Mode is not null).ToList();
        modeCases.Should().HaveCount(16, "eight hybrid models in two modes");
        foreach (var suiteCase in modeCases)
        {
            var generation = SuiteCaseRunner.PlanOf(suiteCase, GateRunnerFixture.SampleFolder, limit: 1).Scoring.Generation;
            generation.Should().NotBeNull();
            var expected = suiteCase.Mode == "thinking"
                ? new { Temperature = 0.6, TopP = 0.95, TopK = 20, PresencePenalty = 0.0 }
                : new { Temperature = 0.7, TopP = 0.8, TopK = 20, PresencePenalty = 1.5 };
            generation.Should().BeEquivalentTo(expected, o => o.ExcludingMissingMembers(), suiteCase.Id);
            generation!.MaxNewTokens.Should().Be(32_768);
            generation.MinP.Should().Be(0);
            suiteCase.Repeats.Should().Be(3, "sampled cases are gated on the mean of repeats");
        }
    }

    [Fact]
    public void OnGenAiThinkingCasesArePlannedAndNonThinkingCasesAreRefusedForThePresencePenalty()
    {
        var (_, thinking) = GateSuites.Find("qwen3/qwen3-8b/ceval/thinking");
        var (_, nonThinking) = GateSuites.Find("qwen3/qwen3-8b/ceval/non-thinking");

        EvaluationPlanValidator.Validate([SuiteCaseRunner.PlanOf(thinking, GateRunnerFixture.SampleFolder, 1)], Instruct, validateData: false, engine: GenerationSupport.GenAi)
            .Should().BeEmpty();
        EvaluationPlanValidator.Validate([SuiteCaseRunner.PlanOf(nonThinking, GateRunnerFixture.SampleFolder, 1)], Instruct, validateData: false, engine: GenerationSupport.GenAi)
            .Should().ContainSingle().Which.Message.Should().StartWith("presence penalty 1.5 is not honoured by the onnxruntime-genai engine");
        EvaluationPlanValidator.Validate([SuiteCaseRunner.PlanOf(nonThinking, GateRunnerFixture.SampleFolder, 1)], Instruct, validateData: false, engine: GenerationSupport.Served)
            .Should().BeEmpty("vLLM, SGLang and llama-server take a presence penalty");
    }

    [Fact]
    public void AGreedyShortThinkingRunIsRefusedSayingWhy()
    {
        var (_, thinking) = GateSuites.Find("qwen3/qwen3-8b/ceval/thinking");
        var plan = SuiteCaseRunner.PlanOf(thinking, GateRunnerFixture.SampleFolder, 1) with { Generation = new GenerationSettings(MaxNewTokens: 32) };

        var problem = EvaluationPlanValidator.Validate([plan], Instruct, validateData: false, engine: GenerationSupport.All).Should().ContainSingle().Subject;

        problem.Where.Should().Be("generation");
        problem.Message.Should().StartWith("thinking mode with greedy decoding and at most 32 new tokens cannot reproduce the Qwen3 report")
            .And.Contain("temperature 0.6, top-p 0.95, top-k 20, 32768 new tokens");
    }

    [Fact]
    public void AThinkingCaseRunsEndToEndWithTheReportsSamplingAndRecordsIt()
    {
        var (_, thinking) = GateSuites.Find("qwen3/qwen3-8b/ceval/thinking");
        var subject = GateRunnerFixture.Sample(thinking.Benchmark).Subjects[0].Id;
        var plan = SuiteCaseRunner.PlanOf(thinking, GateRunnerFixture.SampleFolder, limit: 1) with { Subjects = [subject] };
        var spec = TinyModelSpec.Smallest(new TinyModelSpec(Seed: 7, Tokenizer: TinyTokenizerKind.Qwen3, PlantedAnswer: 'C', Kind: ModelKind.Instruct));
        var folder = TinyModelCache.GetOrCreate(spec, GateSettings.Current.Layout.TinyModelsDir);
        using var model = GenAiLanguageModel.Load(folder, new GenAiModelOptions(DeclaredKind: ModelKind.Instruct));

        var run = new BenchmarkEvaluator(model)
            .Run(plan, Path.Combine(_output, "thinking.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Summary.Questions.Should().Be(1);
        var recorded = ResultsFile.Read(run.ResultsFile).Run.Settings.Generation;
        recorded.Should().BeEquivalentTo(new { MaxNewTokens = 32_768, Temperature = 0.6, TopP = 0.95, TopK = 20, MinP = 0.0, RepetitionPenalty = 1.0, PresencePenalty = 0.0 },
            o => o.ExcludingMissingMembers(), "the results file records the settings the case generated with");
        ResultsFile.Read(run.ResultsFile).Run.Settings.ChatTemplate.Should().Be(ChatPromptRendering.ModelTemplate, "the model's own Qwen3 template rendered the messages");
        run.Outcomes.Single().Predicted.Should().Be('C', "the planted model answers C however it samples among its top 20 tokens");
    }
}
