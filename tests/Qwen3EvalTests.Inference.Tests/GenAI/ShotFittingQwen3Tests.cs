using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.OpenCompass;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// OpenCompass's shot dropping end to end on a generated model with the real Qwen3 tokenizer: the budget is set from the
/// token counts of the plain 4-shot sequences (HuggingFaceBaseModel.get_token_len: <c>len(tokenizer(prompt)['input_ids'])</c>,
/// no special tokens for Qwen), so PPLInferencer's loop (icl_ppl_inferencer.py L115-120 at 26d077b0) must drop exactly the
/// fifth shot; the run scores those sequences and records the rule.
/// </summary>
public sealed class ShotFittingQwen3Tests : IDisposable
{
    private readonly GenAiLanguageModel model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec));
    private readonly string output = Directory.CreateTempSubdirectory("qwen3eval-shotfitting-").FullName;

    public void Dispose()
    {
        model.Dispose();
        Directory.Delete(output, recursive: true);
    }

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void AQwen3PromptOneShotOverTheBudgetLosesItsLastShotAndIsScoredSo(Benchmark benchmark)
    {
        var fourShots = Prompt(new OpenCompassProtocol(), benchmark, shots: 4);
        var fiveShots = Prompt(new OpenCompassProtocol(), benchmark, shots: 5);
        var budget = fourShots.Continuations.Max(c => model.Encode(fourShots.Text + c).Count);
        fiveShots.Continuations.Min(c => model.Encode(fiveShots.Text + c).Count).Should().BeGreaterThan(budget, "the fifth shot does not fit");
        var protocol = new OpenCompassProtocol(maxSeqLen: budget);
        var plan = new EvaluationPlan(benchmark, protocol, DataFolder.SampleDirectory, Limit: 1);
        var dataset = DataFolder.Open(DataFolder.SampleDirectory, benchmark);
        var planned = PlanPrompts.OfSubject(plan, dataset, dataset.Subjects[0]).First();

        var fitted = ShotFitting.Apply(plan, planned, model.Encode).Prompt;

        planned.Prompt.Should().BeEquivalentTo(fiveShots, "without the tokenizer the prompt keeps every shot");
        fitted.Text.Should().Be(fourShots.Text);
        fitted.Continuations.Should().Equal(fourShots.Continuations);
        var run = new BenchmarkEvaluator(model).Run(plan with { Subjects = [dataset.Subjects[0].Id] }, Path.Combine(output, benchmark.ToId() + ".json"), cancellationToken: TestContext.Current.CancellationToken);
        run.Header.Settings.Truncation.Should().Be($"opencompass-drop-shots:{budget}+opencompass-hf-left:{budget}");
        run.Outcomes.Single().PromptTokens.Should().Be(model.Encode(fourShots.Text + fourShots.Continuations[0]).Count - 1, "the context is what the four 4-shot sequences share: all but the one-token label");
    }

    private static RenderedPrompt Prompt(OpenCompassProtocol protocol, Benchmark benchmark, int shots)
    {
        var dataset = DataFolder.Open(DataFolder.SampleDirectory, benchmark);
        var plan = new EvaluationPlan(benchmark, protocol, DataFolder.SampleDirectory, Shots: shots, Limit: 1);
        return PlanPrompts.OfSubject(plan, dataset, dataset.Subjects[0]).First().Prompt;
    }
}
