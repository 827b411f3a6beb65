using Qwen3EvalTests.Cli.Progress;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Tests.Progress;

public sealed class TruncationNoticeTests
{
    private readonly StringWriter _output = new();

    [Fact]
    public void MostPromptsTruncatedInTheFirstQuestionsGiveOneNoteWithTheFix()
    {
        var notice = new TruncationNotice(_output, 4096);

        notice.Report(new EvaluationProgress("mmlu", "a", 8, 1710) { Truncated = 8 });
        _output.ToString().Should().BeEmpty("8 questions are too few to decide");
        notice.Report(new EvaluationProgress("mmlu", "a", 24, 1710) { Truncated = 15 });
        notice.Report(new EvaluationProgress("mmlu", "b", 48, 1710) { Truncated = 40 });

        _output.ToString().Should().Be(
            "note: 15 of the first 24 mmlu prompts were cut from the left to fit the model's 4096-token context, so they are scored without their start; use a model with a larger context, or fewer --shots."
            + Environment.NewLine);
    }

    [Fact]
    public void PromptsCutByTheProtocolsOwnRuleAreNamedSoAndNotBlamedOnTheModelsContext()
    {
        // Qwen's evaluate_mmlu.py keeps the last 2047 tokens of a prompt over 2048, whatever the model's context.
        var notice = new TruncationNotice(_output, 4096, new Dictionary<string, int> { ["mmlu"] = 2047 });

        notice.Report(new EvaluationProgress("mmlu", "a", 24, 1710) { Truncated = 15 });

        _output.ToString().Should().Be(
            "note: 15 of the first 24 mmlu prompts were cut from the left by the protocol's own rule (it keeps at most 2047 context tokens; the model's context is 4096), so they are scored without their start, as the reference script scores them; fewer --shots would keep them whole, but no longer reproduce the protocol."
            + Environment.NewLine);
    }

    [Fact]
    public void AQuarterOrFewerTruncatedPromptsGiveNoNote()
    {
        var notice = new TruncationNotice(_output, 4096);

        notice.Report(new EvaluationProgress("mmlu", "a", 20, 1710) { Truncated = 5 });
        notice.Report(new EvaluationProgress("mmlu", "a", 40, 1710) { Truncated = 10 });

        _output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void AShareThatPassesAQuarterLaterIsNotedThen()
    {
        var notice = new TruncationNotice(_output, 4096);

        notice.Report(new EvaluationProgress("mmlu", "a", 20, 1710) { Truncated = 5 });
        notice.Report(new EvaluationProgress("mmlu", "b", 40, 1710) { Truncated = 11 });

        _output.ToString().Should().StartWith("note: 11 of the first 40 mmlu prompts were cut from the left");
    }

    [Fact]
    public void ASmallRunIsDecidedOnAllItsQuestionsAndEachBenchmarkOnItsOwn()
    {
        var notice = new TruncationNotice(_output, 64);

        notice.Report(new EvaluationProgress("mmlu", "a", 3, 3) { Truncated = 3 });
        notice.Report(new EvaluationProgress("ceval", "b", 2, 3) { Truncated = 2 });
        notice.Report(new EvaluationProgress("ceval", "b", 3, 3) { Truncated = 2 });

        _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "note: 3 of the first 3 mmlu prompts were cut from the left to fit the model's 64-token context, so they are scored without their start; use a model with a larger context, or fewer --shots.",
            "note: 2 of the first 3 ceval prompts were cut from the left to fit the model's 64-token context, so they are scored without their start; use a model with a larger context, or fewer --shots.");
    }
}
