using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Scoring.Extraction;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Scoring.Extraction;

/// <summary>
/// The chat extractors take the question's letters, as OpenCompass's <c>first_option_postprocess(text, options)</c> takes
/// <c>options</c>: with four options they see A–D only (an "E" is no answer letter), with five they see E too.
/// </summary>
public class FiveOptionExtractionTests
{
    private static readonly Question FourOptions = Make(Benchmark.Mmlu, Split.Test, 0, "Which is a prime?", ["4", "6", "8", "9"], 'A');

    private static readonly Question FiveOptions = Make(Benchmark.Mmlu5Fixture, Split.Test, 0, "Which is a prime?", ["4", "6", "8", "9", "11"], 'E');

    public static TheoryData<string, string> ChatOutputs => new()
    {
        { "qwen-chat-mmlu", "The answer is E." },
        { "qwen-chat-mmlu", "E is correct" },
        { "qwen-chat-ceval", "答案是E" },
        { "qwen-chat-ceval", "E选项正确" },
        { "first-option", "答案是E" },
        { "first-option", "The correct answer is (E)" },
    };

    [Theory]
    [MemberData(nameof(ChatOutputs))]
    public void AFifthOptionIsExtractedWhenTheQuestionHasFive(string extractor, string output) =>
        Extractor(extractor).Extract(output, FiveOptions).Should().Be('E');

    [Theory]
    [InlineData("first-option", "答案是E")]
    [InlineData("first-option", "The correct answer is (E)")]
    public void EIsNoAnswerWhenTheQuestionHasFourOptions(string extractor, string output) =>
        Extractor(extractor).Extract(output, FourOptions).Should().BeNull("with options='ABCD' no pattern takes E");

    [Fact]
    public void QwenMmluRulesFallBackToTheClosestOptionWhenEIsNotALetter() =>
        AnswerExtractors.QwenChatMmlu.Extract("The answer is E.", FourOptions).Should().NotBe('E').And.BeOneOf('A', 'B', 'C', 'D');

    [Fact]
    public void WithFourOptionsThePatternsAreTheUpstreamTexts()
    {
        // opencompass/utils/text_postprocessors.py L65 and L109-112 at 26d077b0, with options='ABCD'.
        FirstOptionExtractor.PatternList[0].Should().Be(@"答案是?\s*([ABCD])");
        FirstOptionExtractor.PatternList[^2].Should().Be(@"([ABCD]):");
        FirstOptionExtractor.PatternList[^1].Should().Be(@"[ABCD]");
    }

    private static IAnswerExtractor Extractor(string id) => id switch
    {
        "qwen-chat-mmlu" => AnswerExtractors.QwenChatMmlu,
        "qwen-chat-ceval" => AnswerExtractors.QwenChatCeval,
        "first-option" => AnswerExtractors.FirstOption,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };
}
