using FluentAssertions;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;
using Xunit;

namespace Qwen3EvalTests.Tests.Benchmarks;

/// <summary>The five-option test benchmark mmlu5-fixture: prompts written by hand from prompt-formats.md, and the refusals.</summary>
public sealed class FiveOptionBenchmarkTests
{
    private static Question Query() => new(
        Benchmark.Mmlu5Fixture, "fixture_arithmetic", Split.Test, 0, "What is 2 + 3?", ["1", "2", "3", "4", "5"], 'E', null, new SourceLocation("t.csv", 1));

    private static SubjectInfo Subject { get; } = SubjectCatalog.Get(Benchmark.Mmlu5Fixture, "fixture_arithmetic");

    [Fact]
    public void QwenBaseRendersFiveOptionLinesAndFiveAnswerTokens()
    {
        var prompt = new QwenProtocol().Render(new PromptRequest(Query(), Subject, [], Chat: false, ChatOptions: null));

        prompt.Text.Should().Be("The following are multiple choice questions (with answers) about fixture arithmetic.\n\nQuestion: What is 2 + 3?\nA. 1\nB. 2\nC. 3\nD. 4\nE. 5\nAnswer:");
        prompt.Continuations.Should().Equal(" A", " B", " C", " D", " E");
    }

    [Fact]
    public void LmEvalBaseRendersFiveOptionLinesAndFiveContinuations()
    {
        var prompt = new LmEvalProtocol().Render(new PromptRequest(Query(), Subject, [], Chat: false, ChatOptions: null));

        prompt.Text.Should().Be("The following are multiple choice questions (with answers) about fixture arithmetic.\n\nWhat is 2 + 3?\nA. 1\nB. 2\nC. 3\nD. 4\nE. 5\nAnswer:");
        prompt.Continuations.Should().Equal(" A", " B", " C", " D", " E");
    }

    [Fact]
    public void OpenCompassRefusesTheBenchmarkWhenThePlanIsValidated()
    {
        var plan = new EvaluationPlan(Benchmark.Mmlu5Fixture, new OpenCompassProtocol(), DataFolder.SampleDirectory);

        var problems = EvaluationPlanValidator.Validate([plan], model: null);

        problems.Should().ContainSingle().Which.Message.Should().Contain("protocol 'opencompass' has no base prompt form for benchmark 'mmlu5-fixture'").And.Contain("qwen").And.Contain("lm-eval");
    }

    [Fact]
    public void QwenChatRefusesTheBenchmark() =>
        new QwenProtocol().Refusal(Benchmark.Mmlu5Fixture, chat: true).Should().Contain("A, B, C and D");

    [Fact]
    public void TheSampleFolderReadsFiveOptionsAndFifthLetterAnswers()
    {
        var questions = DataFolder.Open(DataFolder.SampleDirectory, Benchmark.Mmlu5Fixture).Read("fixture_arithmetic", Split.Test).ToList();

        questions[0].Letters.Should().Equal('A', 'B', 'C', 'D', 'E');
        questions[0].Answer.Should().Be('E');
    }

    [Fact]
    public void RunWithoutBenchmarkStaysTheOfficialThree() =>
        BenchmarkIds.All.Should().Equal(Benchmark.Mmlu, Benchmark.Ceval, Benchmark.Cmmlu);
}
