using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring.Extraction;
using Qwen3EvalTests.Scoring;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Prompts.OpenCompass;

public class OpenCompassProtocolTests
{
    private readonly OpenCompassProtocol protocol = new();

    private static string Options(Question q) => $"A. {q.Options[0]}\nB. {q.Options[1]}\nC. {q.Options[2]}\nD. {q.Options[3]}";

    private static string CevalHuman(Question q) => $"以下是中国关于计算机网络考试的单项选择题，请选出其中的正确答案。\n{q.Text}\n{Options(q)}\n答案: ";

    private static string CmmluHuman(Question q) => $"以下是关于农学的单项选择题，请直接给出正确答案的选项。\n题目：{q.Text}\n{Options(q)}";

    private const string MmluChatHint = "There is a single choice question about high school physics. Answer the question by replying A, B, C or D.";

    private RenderedPrompt Render(Benchmark benchmark, bool chat = false, int? shots = null, ChatOptions? options = null) =>
        protocol.Render(Query(benchmark), Subject(benchmark), Dev(benchmark), shots, chat, options);

    [Fact]
    public void MmluPerplexityPromptFollowsPplAc766d()
    {
        var expected = new StringBuilder("The following are multiple choice questions (with answers) about  high school physics.\n\n");
        var shots = Dev(Benchmark.Mmlu).Take(5).Select(s => $"{s.Text}\n{Options(s)}\nAnswer: {s.Answer}\n");
        expected.Append(string.Join("\n", shots)).Append('\n');
        var q = Query(Benchmark.Mmlu);
        expected.Append($"{q.Text}\n{Options(q)}\nAnswer: ");

        var rendered = Render(Benchmark.Mmlu);

        rendered.Text.Should().Be(expected.ToString());
        rendered.Continuations.Should().Equal("A", "B", "C", "D");
        protocol.Settings(Benchmark.Mmlu, chat: false).ScoresWholeSequence.Should().BeTrue();
    }

    [Fact]
    public void MmluOneShotPerplexityPromptAsLiteral()
    {
        Render(Benchmark.Mmlu, shots: 1).Text.Should().Be(
            "The following are multiple choice questions (with answers) about  high school physics.\n\n" +
            "Dev question 1?\nA. d1a\nB. d1b\nC. d1c\nD. d1d\nAnswer: B\n\n" +
            " Which force keeps planets in orbit? \nA. Friction\nB. Gravity\nC. Magnetism\nD. Tension\nAnswer: ");
    }

    [Fact]
    public void CevalPerplexityPromptJoinsTurnsWithNewlines()
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(Benchmark.Ceval).Take(5))
        {
            // HUMAN, BOT and the ice separator, each joined by '\n'.
            expected.Append(CevalHuman(s)).Append('\n').Append(s.Answer).Append("\n\n\n");
        }

        expected.Append("\n\n"); // the ice eos token, joined by '\n'
        expected.Append(CevalHuman(Query(Benchmark.Ceval))).Append('\n');

        var rendered = Render(Benchmark.Ceval);

        rendered.Text.Should().Be(expected.ToString());
        rendered.Continuations.Should().Equal("A", "B", "C", "D");
    }

    [Fact]
    public void CmmluPerplexityPromptHasTheAnswerSentenceInTheTail()
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(Benchmark.Cmmlu).Take(5))
        {
            expected.Append(CmmluHuman(s)).Append("\n答案是: ").Append(s.Answer).Append("\n\n\n");
        }

        expected.Append("\n\n").Append(CmmluHuman(Query(Benchmark.Cmmlu))).Append("\n答案是: ");

        var rendered = Render(Benchmark.Cmmlu);

        rendered.Text.Should().Be(expected.ToString());
        rendered.Continuations.Should().Equal("A", "B", "C", "D");
    }

    [Theory]
    [InlineData(Benchmark.Mmlu, Split.Test)]
    [InlineData(Benchmark.Ceval, Split.Val)]
    [InlineData(Benchmark.Cmmlu, Split.Test)]
    public void BaseUsesWholeSequencePerplexityMacroAveraged(Benchmark benchmark, Split split)
    {
        var settings = protocol.Settings(benchmark, chat: false);

        settings.Scorer.Should().Be(ScorerKind.SequencePerplexity);
        settings.ChoiceRule.Should().Be(ChoiceRule.SequencePerplexity);
        settings.ScoresWholeSequence.Should().BeTrue();
        settings.ScoredSplit.Should().Be(split);
        settings.Average.Should().Be(AverageKind.Macro);
        settings.DefaultShots.Should().Be(5);
    }

    [Fact]
    public void MmluChatFollowsGenA484b3()
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(Benchmark.Mmlu).Take(5))
        {
            expected.Append($"<|im_start|>user\n{MmluChatHint}\nQuestion: {s.Text}\n{Options(s)}\nAnswer: \n<|im_end|>\n");
            expected.Append($"<|im_start|>assistant\n{s.Answer}\n<|im_end|>\n");
        }

        var q = Query(Benchmark.Mmlu);
        expected.Append($"<|im_start|>user\n{MmluChatHint}\nQ: {q.Text}\n{Options(q)}\nA: \n<|im_end|>\n<|im_start|>assistant\n");

        var rendered = Render(Benchmark.Mmlu, chat: true);

        rendered.Text.Should().Be(expected.ToString());
        rendered.Messages.Should().HaveCount(11);
        var settings = protocol.Settings(Benchmark.Mmlu, chat: true);
        settings.Scorer.Should().Be(ScorerKind.GenerateAndExtract);
        settings.Extractor.Should().BeSameAs(AnswerExtractors.FirstOption);
        settings.Average.Should().Be(AverageKind.Macro);
        settings.Source.Should().Be("open-compass/opencompass configs/datasets/mmlu/mmlu_gen_a484b3.py @26d077b0");
    }

    [Fact]
    public void CevalChatUsesThePplTurnsAsChatTurns()
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(Benchmark.Ceval).Take(5))
        {
            expected.Append($"<|im_start|>user\n{CevalHuman(s)}\n<|im_end|>\n<|im_start|>assistant\n{s.Answer}<|im_end|>\n");
        }

        expected.Append($"<|im_start|>user\n{CevalHuman(Query(Benchmark.Ceval))}\n<|im_end|>\n<|im_start|>assistant\n");

        Render(Benchmark.Ceval, chat: true).Text.Should().Be(expected.ToString());
        var settings = protocol.Settings(Benchmark.Ceval, chat: true);
        settings.Extractor.Should().BeSameAs(AnswerExtractors.FirstCapital);
        settings.Source.Should().Be("open-compass/opencompass configs/datasets/ceval/ceval_gen_5f30c7.py @26d077b0");
    }

    [Fact]
    public void CmmluChatUsesThePplTurnsAsChatTurnsWithThinkingOff()
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(Benchmark.Cmmlu).Take(5))
        {
            expected.Append($"<|im_start|>user\n{CmmluHuman(s)}\n<|im_end|>\n<|im_start|>assistant\n答案是: {s.Answer}<|im_end|>\n");
        }

        expected.Append($"<|im_start|>user\n{CmmluHuman(Query(Benchmark.Cmmlu))}\n<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");

        Render(Benchmark.Cmmlu, chat: true, options: new ChatOptions(EnableThinking: false)).Text.Should().Be(expected.ToString());
        var settings = protocol.Settings(Benchmark.Cmmlu, chat: true);
        settings.Extractor.Should().BeSameAs(AnswerExtractors.FirstCapital);
        settings.Source.Should().Be("open-compass/opencompass configs/datasets/cmmlu/cmmlu_gen_c13365.py @26d077b0");
    }

    [Fact]
    public void CmmluChatInOneMessageJoinsTurnsWithNewlines()
    {
        var parts = Dev(Benchmark.Cmmlu).Take(5).SelectMany(s => new[] { CmmluHuman(s), $"答案是: {s.Answer}" })
            .Append(CmmluHuman(Query(Benchmark.Cmmlu)));
        var expected = $"<|im_start|>user\n{string.Join("\n", parts)}\n<|im_end|>\n<|im_start|>assistant\n";

        Render(Benchmark.Cmmlu, chat: true, options: new ChatOptions(ShotsAsMultiTurn: false)).Text.Should().Be(expected);
    }

    [Fact]
    public void PlaceholderLookingTextInDataIsKeptVerbatim()
    {
        var q = Make(Benchmark.Mmlu, Split.Test, 0, "Is {o} or {q} or {a} a placeholder?", ["{A}", "{0}", "{h}", "none"], 'D');

        var rendered = protocol.Render(new PromptRequest(q, Subject(Benchmark.Mmlu), []));

        rendered.Text.Should().EndWith("Is {o} or {q} or {a} a placeholder?\nA. {A}\nB. {0}\nC. {h}\nD. none\nAnswer: ");
    }

    // safe_format (opencompass/utils/prompt.py L33-35): replace('{' + k + '}', v) over the row's columns in order,
    // C-Eval's being question, A, B, C, D, answer, explanation: placeholders in the question filled from later columns.
    [Fact]
    public void CevalQuestionTextIsFilledByTheLaterColumnsAsSafeFormatDoes()
    {
        var q = Make(Benchmark.Ceval, Split.Val, 0, "若 \\bar{A} 与 {B} 互斥，{answer}", ["p", "q", "r", "s"], 'C');
        var filled = q with { Text = "若 \\barp 与 q 互斥，C" };

        var rendered = protocol.Render(new PromptRequest(q, Subject(Benchmark.Ceval), []));
        var clean = new OpenCompassProtocol(clean: true).Render(new PromptRequest(q, Subject(Benchmark.Ceval), []));

        rendered.Text.Should().EndWith(CevalHuman(filled) + "\n").And.NotContain("{");
        clean.Text.Should().EndWith(CevalHuman(q) + "\n", "the clean variant puts the fields in verbatim");
        new OpenCompassProtocol(clean: true).Name.Should().Be("opencompass@clean");
        PromptProtocols.Get("opencompass@clean").Should().BeOfType<OpenCompassProtocol>().Which.Clean.Should().BeTrue();
    }

    [Fact]
    public void AnExampleIsFilledWithItsOwnRowThenWithTheQuerysOnceSplicedIn()
    {
        // The shot's option D text "{A}" is inserted after its own {A} was replaced, so the query's row fills it.
        var shot = Make(Benchmark.Mmlu, Split.Dev, 0, "Shot {B}?", ["s1", "s2", "s3", "{A}"], 'A');
        var q = Make(Benchmark.Mmlu, Split.Test, 0, "Query?", ["q1", "q2", "q3", "q4"], 'B');

        var rendered = protocol.Render(new PromptRequest(q, Subject(Benchmark.Mmlu), [shot]));

        rendered.Text.Should().Be(
            "The following are multiple choice questions (with answers) about  high school physics.\n\n" +
            "Shot s2?\nA. s1\nB. s2\nC. s3\nD. q1\nAnswer: A\n\n" +
            "Query?\nA. q1\nB. q2\nC. q3\nD. q4\nAnswer: ");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LineEndingsInsideFieldsBecomeNewlinesAsUniversalNewlinesReadThem(bool chat)
    {
        var q = Make(Benchmark.Cmmlu, Split.Test, 0, "第一行\r\n第二行\r第三行", ["甲\r\n乙", "b", "c", "d"], 'A');
        var read = q with { Text = "第一行\n第二行\n第三行", Options = ["甲\n乙", "b", "c", "d"] };

        var rendered = protocol.Render(new PromptRequest(q, Subject(Benchmark.Cmmlu), [], chat));

        rendered.Text.Should().Contain(CmmluHuman(read)).And.NotContain("\r");
        protocol.Settings(Benchmark.Cmmlu, chat).Reading.Id.Should().Be("universal-newlines");
    }
}
