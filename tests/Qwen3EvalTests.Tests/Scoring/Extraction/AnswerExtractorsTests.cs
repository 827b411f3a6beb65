using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Scoring.Extraction;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Scoring.Extraction;

/// <summary>Expectations worked out by hand from the upstream functions (file:line in each extractor's summary).</summary>
public class AnswerExtractorsTests
{
    private static readonly Question Mmlu = Make(Benchmark.Mmlu, Split.Test, 0, "Which force keeps planets in orbit?", ["Friction", "Gravity", "Magnetism", "Tension"], 'B');

    private static readonly Question Network = Make(Benchmark.Ceval, Split.Val, 0, "哪一层负责路由？", ["物理层", "网络层", "传输层", "应用层"], 'B');

    // evaluate_chat_ceval.py L38-46: the script's own worked example.
    private static readonly Question Transport = Make(
        Benchmark.Ceval, Split.Val, 1, "关于传输层的面向连接服务的特性是____。", ["既不保证可靠，也不保证按序交付", "不保证可靠，但保证按序交付", "保证可靠，但不保证按序交付", "既保证可靠，也保证按序交付"], 'D');

    [Theory]
    [InlineData("Answer: C, not A", 'A')] // "[\s，：:,]([ABCD])[。，,\.]?$" matches " A" at the end before "the answer is" is tried
    [InlineData("The answer is B.", 'B')]
    [InlineData("The answer is (B), since A fails", 'B')]
    [InlineData("答案是C", 'C')]
    [InlineData("答案：D", 'D')]
    [InlineData("B", 'B')]
    [InlineData("I choose D because C is wrong", 'D')]
    [InlineData("选项 DA 都对", 'D')] // no pattern before the cushion "[ABCD]" matches; its first hit is D
    [InlineData("<think>A? no.</think>\n\nThe answer is D", 'D')]
    public void FirstOptionReturnsWhatFirstOptionPostprocessReturns(string output, char expected) =>
        AnswerExtractors.FirstOption.Extract(output, Mmlu).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("I do not know.")]
    [InlineData("<think>A B C D</think>")]
    public void FirstOptionReturnsNothingWhenNoPatternMatches(string output) =>
        AnswerExtractors.FirstOption.Extract(output, Mmlu).Should().BeNull();

    [Fact]
    public void FirstOptionKeepsTheRevisionsMissingCommaSoTwoPatternsAreOne()
    {
        FirstOptionExtractor.PatternList.Should().HaveCount(43, "41 patterns of the list (two glued into one) and the 2 cushion patterns");
        FirstOptionExtractor.PatternList[8].Should().Be(@"故选?\s*([ABCD])只有选?项?\s?([ABCD])\s?是?对");
    }

    [Theory]
    [InlineData("The answer is B", 'T')]
    [InlineData("答案是B", 'B')]
    [InlineData("  (c) 或 D", 'D')]
    public void FirstCapitalReturnsTheFirstUpperCaseCharacterWhateverItIs(string output, char expected) =>
        AnswerExtractors.FirstCapital.Extract(output, Network).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("答案是c")]
    public void FirstCapitalReturnsNothingWithoutACapital(string output) =>
        AnswerExtractors.FirstCapital.Extract(output, Network).Should().BeNull();

    [Fact]
    public void QwenCevalPreprocessingTurnsTheScriptsExampleIntoAnswerIsD()
    {
        const string output = "关于传输层的面向连接服务的特性是既保证可靠，也保证按序交付";

        QwenChatCevalExtractor.Preprocessed(output, Transport).Should().Be("答案是D");
        AnswerExtractors.QwenChatCeval.Extract(output, Transport).Should().Be('D');
    }

    [Theory]
    [InlineData("答案是B", 'B')]
    [InlineData("答案为：C。", 'C')]
    [InlineData("根据题意，故选D。", 'D')]
    [InlineData("B选项正确", 'B')]
    [InlineData("(C)", 'C')]
    [InlineData("负责路由的是网络层。", 'B')] // the option text becomes its letter, then the first standalone letter
    [InlineData("答案不是A，是C", 'A')] // the first regex refuses 答案…不是; none of 2-3 match; the first standalone letter is A
    [InlineData("网络", 'B')] // no regex matches: the fuzzy match
    [InlineData("<think>\n也许是A\n</think>\n\n答案是C", 'C')]
    public void QwenCevalExtractionFollowsTheScript(string output, char expected) =>
        AnswerExtractors.QwenChatCeval.Extract(output, Network).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("不知道")]
    public void QwenExtractionAlwaysYieldsALetter(string output)
    {
        AnswerExtractors.QwenChatCeval.Extract(output, Network).Should().BeOneOf('A', 'B', 'C', 'D');
        AnswerExtractors.QwenChatMmlu.Extract(output, Mmlu).Should().BeOneOf('A', 'B', 'C', 'D');
    }

    [Theory]
    [InlineData("Gravity.", 'B')] // option text → "B." → "^(A|B|C|D)(?:\.|,|:|$)"
    [InlineData("The answer is C because it is not A", 'C')]
    [InlineData("I'd choose gravity", 'B')] // case-insensitive option replacement, then "choose B"
    [InlineData("The answer isn't A, it's D", 'A')] // "answer" followed by "n't" is refused; the first standalone letter is A
    [InlineData("D is correct", 'D')]
    [InlineData("magnet", 'C')] // no regex matches: the fuzzy match
    public void QwenMmluExtractionFollowsTheScript(string output, char expected) =>
        AnswerExtractors.QwenChatMmlu.Extract(output, Mmlu).Should().Be(expected);

    // Expected letters from upstream's own extract_answer: the function definitions of QwenLM/Qwen 2df8e8ac
    // eval/evaluate_chat_{ceval,mmlu}.py exec'd by /usr/bin/python3 with thefuzz 0.22.1 over rapidfuzz v3.9.3 (pure-Python
    // fallback) from the snapshots. No regex matches these outputs, so process.extractOne decides; fuzz.ratio alone
    // (the former port) picks A, A and D.
    [Fact]
    public void QwenCevalFuzzyFallbackIsThefuzzWRatio()
    {
        var home = Make(Benchmark.Ceval, Split.Val, 3, "下列家庭小实验最合理的是____", ["将适量的苏打粉放在容器中加热，观察气体的产生", "在洁净的水杯中先加入小苏打粉，再加入食醋，观察气体的产生", "往稀白粥中加入少量加碘食盐，检验加碘食盐中含有$I_2$", "在一瓣橘子上插入两根铜线并与小灯泡连接，验证电流的产生"], 'B'); // C-Eval val high_school_chemistry 3

        AnswerExtractors.QwenChatCeval.Extract("苏打粉加热观察气体", home).Should().Be('B');
    }

    [Theory]
    [InlineData("selection that is disruptive", 'D')] // MMLU test high_school_biology 0: token_set_ratio·0.95
    [InlineData("substitution at the third position", 'C')] // high_school_biology 1: C and D both partial_token_ratio 100·0.95·0.9, the first wins
    public void QwenMmluFuzzyFallbackIsThefuzzWRatio(string output, char expected)
    {
        string[] options = output.StartsWith("selection", StringComparison.Ordinal)
            ? ["directional selection.", "stabilizing selection.", "sexual selection.", "disruptive selection."]
            : ["a deletion of a single nucleotide", "a deletion of a nucleotide triplet", "a single nucleotide substitution of the nucleotide occupying the first codon position", "a single nucleotide substitution of the nucleotide occupying the third codon position"];

        AnswerExtractors.QwenChatMmlu.Extract(output, Make(Benchmark.Mmlu, Split.Test, 0, "Which?", options, 'A')).Should().Be(expected);
    }

    [Fact]
    public void QwenExtractorNamesSayWhichFuzzyScorerTheyFallBackTo()
    {
        AnswerExtractors.QwenChatCeval.Name.Should().Be("qwen-chat-ceval+thefuzz-0.22.1-wratio");
        AnswerExtractors.QwenChatMmlu.Name.Should().Be("qwen-chat-mmlu+thefuzz-0.22.1-wratio");
    }

    [Fact]
    public void QwenMmluPreprocessingReplacesLongestOptionTextsFirstIgnoringCase() =>
        QwenChatMmluExtractor.Preprocessed("gravity, not friction.", ["Friction.", "Gravity", "Magnetism", "Tension"]).Should().Be("B, not A.");

    [Fact]
    public void ThinkBlocksAreStrippedIncludingUnclosedOnes()
    {
        ThinkBlocks.Strip("<think>x</think> A ").Should().Be("A");
        ThinkBlocks.Strip("B <think>unfinished").Should().Be("B");
        ThinkBlocks.StripIfPresent(" A \n").Should().Be(" A \n", "without a think tag the reference functions see the text as generated");
    }
}
