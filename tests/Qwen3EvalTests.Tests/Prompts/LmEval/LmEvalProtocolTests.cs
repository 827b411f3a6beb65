using System.Text;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Prompts.LmEval;

public class LmEvalProtocolTests
{
    private readonly LmEvalProtocol protocol = new();

    private static string Description(Benchmark benchmark) => benchmark switch
    {
        Benchmark.Mmlu => "The following are multiple choice questions (with answers) about high school physics.\n\n",
        Benchmark.Ceval => "以下是中国关于计算机网络的单项选择题，请选出其中的正确答案。\n\n",
        _ => "以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n",
    };

    private static string Doc(Question q) =>
        $"{q.Text.Trim()}\nA. {q.Options[0]}\nB. {q.Options[1]}\nC. {q.Options[2]}\nD. {q.Options[3]}\n{(q.Benchmark == Benchmark.Mmlu ? "Answer:" : "答案：")}";

    private RenderedPrompt Render(Benchmark benchmark, bool chat = false, ChatOptions? options = null, LmEvalProtocol? variant = null) =>
        (variant ?? protocol).Render(Query(benchmark), Subject(benchmark), Dev(benchmark), shots: 5, chat: chat, chatOptions: options);

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void BaseFiveShotPromptIsDescriptionThenShotsThenDoc(Benchmark benchmark)
    {
        var expected = new StringBuilder(Description(benchmark));
        foreach (var s in Dev(benchmark).Take(5))
        {
            expected.Append(Doc(s)).Append(' ').Append(s.Answer).Append("\n\n");
        }

        expected.Append(Doc(Query(benchmark)));

        Render(benchmark).Text.Should().Be(expected.ToString());
    }

    [Fact]
    public void MmluBasePromptAsLiteralStripsTheQuestion()
    {
        var rendered = protocol.Render(Query(Benchmark.Mmlu), Subject(Benchmark.Mmlu), Dev(Benchmark.Mmlu), shots: 1);

        rendered.Text.Should().Be(
            "The following are multiple choice questions (with answers) about high school physics.\n\n" +
            "Dev question 1?\nA. d1a\nB. d1b\nC. d1c\nD. d1d\nAnswer: B\n\n" +
            "Which force keeps planets in orbit?\nA. Friction\nB. Gravity\nC. Magnetism\nD. Tension\nAnswer:");
    }

    [Theory]
    [InlineData(Benchmark.Mmlu, Split.Test)]
    [InlineData(Benchmark.Ceval, Split.Val)]
    [InlineData(Benchmark.Cmmlu, Split.Test)]
    public void BaseScoresSpaceLetterContinuationsMicroAveraged(Benchmark benchmark, Split split)
    {
        var rendered = Render(benchmark);

        var settings = protocol.Settings(benchmark, chat: false);

        rendered.Continuations.Should().Equal(" A", " B", " C", " D");
        settings.ScoredSplit.Should().Be(split);
        settings.Average.Should().Be(AverageKind.Micro);
        settings.Scorer.Should().Be(ScorerKind.ContinuationLogLikelihood);
        settings.Truncation.MaxContextTokens.Should().BeNull();
        settings.Truncation.Should().Be(ContextTruncation.LmEval(maxLength: null), "HFLM keeps the last max_length + 1 tokens, max_length the model's own (huggingface.py L1436, L620-625)");
    }

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void ChatPutsDescriptionInSystemAndShotsInTurns(Benchmark benchmark)
    {
        var expected = new StringBuilder($"<|im_start|>system\n{Description(benchmark)}<|im_end|>\n");
        foreach (var s in Dev(benchmark).Take(5))
        {
            expected.Append($"<|im_start|>user\n{Doc(s)}<|im_end|>\n<|im_start|>assistant\n{s.Answer}<|im_end|>\n");
        }

        expected.Append($"<|im_start|>user\n{Doc(Query(benchmark))}<|im_end|>\n<|im_start|>assistant\n");

        var rendered = Render(benchmark, chat: true);

        rendered.Text.Should().Be(expected.ToString());
        rendered.Messages.Should().HaveCount(12);
        rendered.Continuations.Should().Equal("A", "B", "C", "D");
        protocol.Settings(benchmark, chat: true).Scorer.Should().Be(ScorerKind.ContinuationLogLikelihood);
    }

    [Fact]
    public void ChatWithShotsInOneMessageKeepsTheBaseLayoutAfterTheDescription()
    {
        var rendered = Render(Benchmark.Cmmlu, chat: true, new ChatOptions(ShotsAsMultiTurn: false, EnableThinking: false));

        var user = new StringBuilder();
        foreach (var s in Dev(Benchmark.Cmmlu).Take(5))
        {
            user.Append(Doc(s)).Append(' ').Append(s.Answer).Append("\n\n");
        }

        user.Append(Doc(Query(Benchmark.Cmmlu)));
        rendered.Text.Should().Be(
            $"<|im_start|>system\n{Description(Benchmark.Cmmlu)}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void EveryReleaseIsZeroShotUnlessAsked(Benchmark benchmark)
    {
        foreach (var release in LmEvalRelease.All)
        {
            var settings = new LmEvalProtocol(release: release).Settings(benchmark, chat: false);
            settings.DefaultShots.Should().Be(0, "the mmlu, ceval and cmmlu task configs set no num_fewshot");
            settings.AcceptsShots.Should().BeTrue();
        }

        var zeroShot = protocol.Render(Query(benchmark), Subject(benchmark), Dev(benchmark));
        zeroShot.Text.Should().Be(Description(benchmark) + Doc(Query(benchmark)));
    }

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void Release043DropsTheDescriptionsLastNewline(Benchmark benchmark)
    {
        var v043 = new LmEvalProtocol(release: LmEvalRelease.V0_4_3);
        var description = Description(benchmark)[..^1];
        var expected = new StringBuilder(description);
        foreach (var s in Dev(benchmark).Take(5))
        {
            expected.Append(Doc(s)).Append(' ').Append(s.Answer).Append("\n\n");
        }

        expected.Append(Doc(Query(benchmark)));

        v043.Name.Should().Be("lm-eval@0.4.3");
        Render(benchmark, variant: v043).Text.Should().Be(expected.ToString());
        Render(benchmark, variant: new LmEvalProtocol(release: LmEvalRelease.V0_4_9)).Text.Should().StartWith(Description(benchmark), "v0.4.4 and later keep the trailing newline");
        Render(benchmark, chat: true, variant: v043).Text.Should().StartWith($"<|im_start|>system\n{description}<|im_end|>\n");
    }

    [Theory]
    [InlineData("0.4.3")]
    [InlineData("0.4.9")]
    public void BeforeRelease0410ChatShotsAreFoldedIntoTheUserMessageUnlessAsked(string tag)
    {
        var release = LmEvalRelease.All.Single(r => r.Tag == tag);
        var variant = (LmEvalProtocol)PromptProtocols.Get("lm-eval@" + tag);
        variant.Release.Should().Be(release);

        var rendered = Render(Benchmark.Ceval, chat: true, variant: variant);

        rendered.Messages!.Select(m => m.Role).Should().Equal("system", "user");
        Render(Benchmark.Ceval, chat: true, new ChatOptions(ShotsAsMultiTurn: true), variant).Messages.Should().HaveCount(12);
        Render(Benchmark.Ceval, chat: true).Messages.Should().HaveCount(12, "HEAD turns shots into turns with --apply_chat_template");
        variant.Settings(Benchmark.Ceval, chat: true).Source.Should().EndWith("@v" + tag);
    }
}
