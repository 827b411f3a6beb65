using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring.Extraction;
using Qwen3EvalTests.Scoring;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Prompts.Qwen;

public class QwenProtocolTests
{
    private readonly QwenProtocol protocol = new();

    private RenderedPrompt Render(Benchmark benchmark, bool chat = false, ChatOptions? options = null) =>
        protocol.Render(Query(benchmark), Subject(benchmark), Dev(benchmark), chat: chat, chatOptions: options);

    [Fact]
    public void MmluFiveShotPromptMatchesQwensScript()
    {
        var expected = new StringBuilder("The following are multiple choice questions (with answers) about high school physics.\n\n");
        foreach (var s in Dev(Benchmark.Mmlu).Take(5))
        {
            expected.Append($"Question: {s.Text}\nA. {s.Options[0]}\nB. {s.Options[1]}\nC. {s.Options[2]}\nD. {s.Options[3]}\nAnswer: {s.Answer}\n\n");
        }

        expected.Append("Question:  Which force keeps planets in orbit? \nA. Friction\nB. Gravity\nC. Magnetism\nD. Tension\nAnswer:");

        Render(Benchmark.Mmlu).Text.Should().Be(expected.ToString());
    }

    [Theory]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void ChineseFiveShotPromptHasNoHeaderAndFullWidthCue(Benchmark benchmark)
    {
        var expected = new StringBuilder();
        foreach (var s in Dev(benchmark).Take(5))
        {
            expected.Append($"问题：{s.Text}\nA. {s.Options[0]}\nB. {s.Options[1]}\nC. {s.Options[2]}\nD. {s.Options[3]}\n答案：{s.Answer}\n\n");
        }

        expected.Append("问题： 哪一层负责路由？ \nA. 物理层\nB. 网络层\nC. 传输层\nD. 应用层\n答案：");

        Render(benchmark).Text.Should().Be(expected.ToString());
    }

    [Fact]
    public void OneShotCevalPromptAsLiteral()
    {
        var rendered = protocol.Render(Query(Benchmark.Ceval), Subject(Benchmark.Ceval), Dev(Benchmark.Ceval), shots: 1);

        rendered.Text.Should().Be("问题：开发题1？\nA. 甲1\nB. 乙1\nC. 丙1\nD. 丁1\n答案：B\n\n问题： 哪一层负责路由？ \nA. 物理层\nB. 网络层\nC. 传输层\nD. 应用层\n答案：");
    }

    [Theory]
    [InlineData(Benchmark.Mmlu, " ", Split.Test, AverageKind.Micro)]
    [InlineData(Benchmark.Ceval, "", Split.Val, AverageKind.Macro)]
    [InlineData(Benchmark.Cmmlu, "", Split.Test, AverageKind.Macro)]
    public void BaseScoringFollowsTheScripts(Benchmark benchmark, string prefix, Split split, AverageKind average)
    {
        var rendered = Render(benchmark);
        var settings = protocol.Settings(benchmark, chat: false);

        rendered.Continuations.Should().Equal(prefix + "A", prefix + "B", prefix + "C", prefix + "D");
        rendered.Messages.Should().BeNull();
        settings.ScoredSplit.Should().Be(split);
        settings.Average.Should().Be(average);
        settings.Scorer.Should().Be(ScorerKind.NextTokenChoice);
        settings.ChoiceRule.Should().Be(ChoiceRule.LogLikelihood);
        settings.Truncation.Should().Be(benchmark == Benchmark.Mmlu
            ? new ContextTruncation(MaxContextTokens: 2047, LongerThan: 2048)
            : ContextTruncation.None, "evaluate_mmlu.py L82-83 keeps the last 2047 tokens of a prompt longer than 2048; the C-Eval and CMMLU scripts never cut");
        settings.ScoresWholeSequence.Should().BeFalse();
        settings.DefaultShots.Should().Be(5);
        settings.AcceptsShots.Should().BeTrue();
    }

    // Qwen-1 model.chat's default system turn (examples/vllm_wrapper.py make_context mirrors it).
    private const string QwenSystem = "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n";

    [Theory]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void ChineseChatFormIsEvaluateChatCevalsZeroShotMessageAfterTheSystemTurn(Benchmark benchmark)
    {
        var q = Query(benchmark);
        var user = $"{q.Text}\n\nA. {q.Options[0]}\nB. {q.Options[1]}\nC. {q.Options[2]}\nD. {q.Options[3]}\n";

        var rendered = Render(benchmark, chat: true);

        rendered.Text.Should().Be($"{QwenSystem}<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n");
        rendered.Messages!.Select(m => m.Role).Should().Equal("system", "user");
        rendered.Messages![1].Content.Should().Be(user);
        rendered.Continuations.Should().BeEmpty();
        var settings = protocol.Settings(benchmark, chat: true);
        settings.Scorer.Should().Be(ScorerKind.GenerateAndExtract);
        settings.Extractor.Should().BeSameAs(AnswerExtractors.QwenChatCeval);
        settings.SystemMessage.Should().Be("You are a helpful assistant.");
        settings.DefaultShots.Should().Be(0);
        settings.AcceptsShots.Should().BeFalse("Qwen's chat scripts are 0-shot only");
        settings.Truncation.Should().Be(ContextTruncation.None);
        settings.Source.Should().Be(benchmark == Benchmark.Ceval
            ? "QwenLM/Qwen eval/evaluate_chat_ceval.py @2df8e8ac"
            : "qwen-style, no upstream script (QwenLM/Qwen has no evaluate_chat_cmmlu.py): the evaluate_chat_ceval.py form and extraction applied to CMMLU");
    }

    [Fact]
    public void MmluChatFormIsEvaluateChatMmlusInstructionAndOptionLines()
    {
        var q = Query(Benchmark.Mmlu);
        var user = "The following is a multiple-choice question. Please choose the most suitable one among A, B, C and D as the answer to this question.\n\n"
            + $"{q.Text}\nA. {q.Options[0]}\nB. {q.Options[1]}\nC. {q.Options[2]}\nD. {q.Options[3]}\n";

        var rendered = Render(Benchmark.Mmlu, chat: true);

        rendered.Text.Should().Be($"{QwenSystem}<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n");
        var settings = protocol.Settings(Benchmark.Mmlu, chat: true);
        settings.Extractor.Should().BeSameAs(AnswerExtractors.QwenChatMmlu);
        settings.Source.Should().Be("QwenLM/Qwen eval/evaluate_chat_mmlu.py @2df8e8ac");
        settings.AcceptsShots.Should().BeFalse();
    }

    [Fact]
    public void ChatCevalLiteralWithAnotherSystemMessageAndThinkingOff()
    {
        var rendered = Render(Benchmark.Ceval, chat: true, new ChatOptions(SystemMessage: "Be brief.", EnableThinking: false));

        rendered.Text.Should().Be(
            "<|im_start|>system\nBe brief.<|im_end|>\n" +
            "<|im_start|>user\n 哪一层负责路由？ \n\nA. 物理层\nB. 网络层\nC. 传输层\nD. 应用层\n<|im_end|>\n" +
            "<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    [Fact]
    public void ModifiedTemplatesChangeTheText()
    {
        var modified = new QwenProtocol(QwenTemplates.Default with { MmluAnswerCue = "Answer :" });

        var text = modified.Render(Query(Benchmark.Mmlu), Subject(Benchmark.Mmlu), Dev(Benchmark.Mmlu)).Text;

        text.Should().EndWith("\nAnswer :").And.Contain("Answer : B\n\n");
    }

    // pandas read_csv's default NA strings: an option that is one renders as "nan" in the scripts' f-strings;
    // pandas 2.0 added "None". Line endings inside fields are kept (pandas reads quoted \r\n as is).
    [Theory]
    [InlineData("qwen", "None", "None")]
    [InlineData("qwen@pandas2", "None", "nan")]
    [InlineData("qwen", "NA", "nan")]
    [InlineData("qwen@pandas2", "N/A", "nan")]
    [InlineData("qwen", " None", " None")]
    public void OptionsThatPandasReadsAsNaRenderAsNan(string name, string option, string rendered)
    {
        var q = Make(Benchmark.Mmlu, Split.Test, 0, "Which?\r\nPick one.", ["yes", option, "no", "maybe"], 'A');
        var variant = PromptProtocols.Get(name);

        var text = variant.Render(new PromptRequest(q, Subject(Benchmark.Mmlu), [])).Text;

        text.Should().EndWith($"Question: Which?\r\nPick one.\nA. yes\nB. {rendered}\nC. no\nD. maybe\nAnswer:");
        variant.Settings(Benchmark.Mmlu, chat: false).Reading.Id.Should().Be(name == "qwen" ? "pandas1-na+pandas1-dtypes" : "pandas2-na+pandas2-dtypes");
    }
}
