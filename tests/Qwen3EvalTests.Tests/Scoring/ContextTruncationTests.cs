using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Scoring;

public class ContextTruncationTests
{
    // QwenLM/Qwen eval/evaluate_mmlu.py L82-83: if input_ids.shape[1] > 2048: input_ids = input_ids[:, shape[1] - 2048 + 1:]
    private static readonly ContextTruncation QwenMmlu = ContextTruncation.KeepLastWhenLongerThan(2048, 2047);

    [Theory]
    [InlineData(100, 0)]
    [InlineData(2047, 0)]
    [InlineData(2048, 0)]
    [InlineData(2049, 2)]
    [InlineData(3000, 953)]
    public void QwensMmluRuleKeepsAPromptOf2048WholeAndTheLast2047OfALongerOne(int promptTokens, int dropped) =>
        QwenMmlu.Dropped(promptTokens).Should().Be(dropped);

    [Theory]
    [InlineData(2048, 0)]
    [InlineData(2049, 1)]
    public void KeepLastDropsWhatIsBeyondTheLimit(int promptTokens, int dropped) =>
        ContextTruncation.KeepLast(2048).Dropped(promptTokens).Should().Be(dropped);

    [Fact]
    public void IdsTellTheRulesApart()
    {
        ContextTruncation.None.Id.Should().Be("none");
        ContextTruncation.None.Dropped(1_000_000).Should().Be(0);
        ContextTruncation.KeepLast(2048).Id.Should().Be("left:2048");
        QwenMmlu.Id.Should().Be("left:2047-if-over:2048");
        ContextTruncation.KeepLastWhenLongerThan(512, 512).Should().Be(ContextTruncation.KeepLast(512));
        ContextTruncation.OpenCompass(2048).Id.Should().Be("opencompass-drop-shots:2048+opencompass-hf-left:2048");
        ContextTruncation.OpenCompass(null).Id.Should().Be("opencompass-hf-left:model-context");
        ContextTruncation.LmEval(2048).Id.Should().Be("lm-eval-left:2048");
    }
}
