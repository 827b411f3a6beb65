using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests.Benchmarks;

namespace Qwen3EvalTests.Tests.Evaluation;

public sealed class BenchmarkEvaluatorTests : IDisposable
{
    private readonly TempDataFolder _data = new();
    private readonly string _out = Directory.CreateTempSubdirectory("qwen3eval-evaluator-").FullName;

    public BenchmarkEvaluatorTests()
    {
        foreach (var (subject, count) in new[] { ("abstract_algebra", 4), ("global_facts", 3) })
        {
            _data.Write($"mmlu/dev/{subject}_dev.csv", string.Concat(Enumerable.Range(0, 5).Select(i => $"dev question {i},a,b,c,d,A\n")));
            _data.Write($"mmlu/test/{subject}_test.csv", string.Concat(Enumerable.Range(0, count).Select(i => $"test question {i},a,b,c,d,A\n")));
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    private sealed class Recorder : IProgress<EvaluationProgress>
    {
        public List<EvaluationProgress> Reports { get; } = [];

        public void Report(EvaluationProgress value) => Reports.Add(value);
    }

    [Fact]
    public void ReportsProgressWithTheTotalQuestionCountAfterTheLimit()
    {
        using var model = new FakeLanguageModel((_, c) => c.Trim() == "A" ? -1 : -2);
        var recorder = new Recorder();

        new BenchmarkEvaluator(model, "fake").Run(new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 3), Path.Combine(_out, "a.json"), recorder, TestContext.Current.CancellationToken);

        recorder.Reports.Should().NotBeEmpty().And.OnlyContain(r => r.QuestionsTotal == 6);
        recorder.Reports[^1].QuestionsDone.Should().Be(6);
    }

    [Fact]
    public void RecordsTheIdentityChoiceRuleAndTemplatesInTheHeader()
    {
        using var model = new FakeLanguageModel((_, c) => c.Trim() == "A" ? -1 : -2);
        var evaluator = new BenchmarkEvaluator(model, "fake");
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Limit: 2);

        var first = evaluator.Run(plan, Path.Combine(_out, "a.json"), cancellationToken: TestContext.Current.CancellationToken);
        var again = evaluator.Run(plan, Path.Combine(_out, "b.json"), cancellationToken: TestContext.Current.CancellationToken);
        var noSpace = evaluator.Run(plan with { Protocol = new QwenProtocol(QwenTemplates.Default with { MmluAnswerSeparator = "" }) }, Path.Combine(_out, "c.json"), cancellationToken: TestContext.Current.CancellationToken);

        var header = ResultsFile.Read(first.ResultsFile).Run;
        header.Identity.Should().Be(RunIdentity.Of(header.Settings, header.Environment));
        header.Settings.ChoiceRule.Should().Be("LogLikelihood");
        header.Settings.Generation.Should().BeNull("log-likelihood scoring generates nothing");
        again.Header.Identity.Should().Be(first.Header.Identity);
        noSpace.Header.Identity.Should().NotBe(first.Header.Identity, "a template variant can change the score");
    }

    [Fact]
    public void RecordsGenerationSettingsAndSeedForGenerationScoring()
    {
        using var model = new FakeLanguageModel((_, _) => 0, _ => "A");
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), _data.Root, Chat: true, Limit: 1, AllowKindMismatch: true,
            Generation: new GenerationSettings(16, ["<|im_end|>"], Temperature: 0.7, Seed: 42), Repeat: 2);

        var run = new BenchmarkEvaluator(model, "fake").Run(plan, Path.Combine(_out, "g.json"), cancellationToken: TestContext.Current.CancellationToken);

        run.Header.Settings.Generation.Should().BeEquivalentTo(new RunGeneration(16, 0.7, 42, ["<|im_end|>"]));
        run.Header.Settings.ChoiceRule.Should().BeNull();
        run.Header.Settings.Repeat.Should().Be(2);
    }
}
