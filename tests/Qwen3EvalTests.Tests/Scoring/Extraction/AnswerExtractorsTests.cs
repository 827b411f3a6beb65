using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Tests.Scoring.Extraction;

public class AnswerExtractorsTests
{
    private static readonly string[] Options = ["物理层", "网络层", "传输层", "应用层"];

    [Theory]
    [InlineData("B", 'B')]
    [InlineData("B. Gravity", 'B')]
    [InlineData("The answer is C.", 'C')]
    [InlineData("Answer: D", 'D')]
    [InlineData("答案是A", 'A')]
    [InlineData("I think (C) is right", 'C')]
    [InlineData("<think>Maybe A? No.</think>\n\nD", 'D')]
    [InlineData("Let me think... A or B</think>C", 'C')]
    public void FirstOptionFindsTheLetter(string output, char expected) =>
        AnswerExtractors.FirstOption.Extract(output, Options).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("I do not know.")]
    [InlineData("<think>A B C D</think>")]
    public void FirstOptionReturnsNullWhenNoLetter(string output) =>
        AnswerExtractors.FirstOption.Extract(output, Options).Should().BeNull();

    [Theory]
    [InlineData("答案是B", 'B')]
    [InlineData("答案为：C。", 'C')]
    [InlineData("根据题意，故选D。", 'D')]
    [InlineData("选项A正确，因为物理层……", 'A')]
    [InlineData("C选项正确", 'C')]
    [InlineData("正确的选项是 B", 'B')]
    [InlineData("B", 'B')]
    [InlineData("我认为是 D ，因为它负责路由", 'D')]
    [InlineData("<think>\n也许是A\n</think>\n\n答案是C", 'C')]
    public void QwenLadderFindsTheLetter(string output, char expected) =>
        AnswerExtractors.QwenChatChoice.Extract(output, Options).Should().Be(expected);

    [Fact]
    public void QwenLadderFallsBackToTheMostSimilarOption() =>
        AnswerExtractors.QwenChatChoice.Extract("负责路由的是网络层。", Options).Should().Be('B');

    [Theory]
    [InlineData("")]
    [InlineData("不知道")]
    public void QwenLadderReturnsNullWhenNothingMatches(string output) =>
        AnswerExtractors.QwenChatChoice.Extract(output, Options).Should().BeNull();

    [Fact]
    public void ThinkBlocksAreStrippedIncludingUnclosedOnes()
    {
        ThinkBlocks.Strip("<think>x</think> A ").Should().Be("A");
        ThinkBlocks.Strip("B <think>unfinished").Should().Be("B");
    }
}
