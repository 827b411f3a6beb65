using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.LmEval;
using static Qwen3EvalTests.Tests.Prompts.PromptFixtures;

namespace Qwen3EvalTests.Tests.Prompts.LmEval;

/// <summary>
/// The prompts of lm-eval releases on either side of each rule's boundary, written by hand from the upstream code at those
/// tags (v0.4.3/v0.4.5/v0.4.6/v0.4.9/v0.4.9.1/v0.4.9.2/v0.4.10 lm_eval/api/task.py fewshot_context and construct_requests,
/// lm_eval/api/samplers.py, lm_eval/models/huggingface.py apply_chat_template with add_generation_prompt=True, and Qwen's ChatML).
/// </summary>
public class LmEvalProtocolRulesTests
{
    private const string MmluQuery = "Which force keeps planets in orbit?\nA. Friction\nB. Gravity\nC. Magnetism\nD. Tension\nAnswer:";

    private const string CevalShot1 = "开发题1？\nA. 甲1\nB. 乙1\nC. 丙1\nD. 丁1\n答案：";

    private const string CevalQuery = "哪一层负责路由？\nA. 物理层\nB. 网络层\nC. 传输层\nD. 应用层\n答案：";

    private const string CevalDescription = "以下是中国关于计算机网络的单项选择题，请选出其中的正确答案。\n\n";

    private const string MmluDescription = "The following are multiple choice questions (with answers) about high school physics.\n\n";

    private static LmEvalProtocol At(string tag) => new(release: tag == "HEAD" ? LmEvalRelease.Head : LmEvalRelease.Of(tag));

    private static RenderedPrompt Render(LmEvalProtocol protocol, Benchmark benchmark, int shots, ChatOptions? options = null) =>
        protocol.Render(Query(benchmark), Subject(benchmark), Dev(benchmark), shots: shots, chat: true, chatOptions: options);

    [Fact]
    public void Release043ChatScoresTheLetterAfterTheTargetDelimiter()
    {
        var rendered = Render((LmEvalProtocol)PromptProtocols.Get("lm-eval@0.4.3"), Benchmark.Mmlu, shots: 0);

        rendered.Text.Should().Be(
            "<|im_start|>system\nThe following are multiple choice questions (with answers) about high school physics.\n<|im_end|>\n" +
            "<|im_start|>user\n" + MmluQuery + "<|im_end|>\n" +
            "<|im_start|>assistant\n");
        rendered.Continuations.Should().Equal([" A", " B", " C", " D"], "v0.4.3 construct_requests (task.py L1264-1282) has no chat branch: target_delimiter is the config's \" \"");
    }

    [Fact]
    public void Release043ChatFoldsTwoCevalShotsAfterTheShortenedDescription()
    {
        var rendered = Render(At("0.4.3"), Benchmark.Ceval, shots: 2);

        rendered.Text.Should().Be(
            "<|im_start|>system\n以下是中国关于计算机网络的单项选择题，请选出其中的正确答案。\n<|im_end|>\n" +
            "<|im_start|>user\n" + CevalShot1 + " B\n\n开发题2？\nA. 甲2\nB. 乙2\nC. 丙2\nD. 丁2\n答案： C\n\n" + CevalQuery + "<|im_end|>\n" +
            "<|im_start|>assistant\n");
        rendered.Messages!.Select(m => m.Role).Should().Equal("system", "user");
        rendered.Continuations.Should().Equal(" A", " B", " C", " D");
    }

    [Fact]
    public void Release045StillScoresSpaceLettersAndRelease046BareLetters()
    {
        var before = Render(At("0.4.5"), Benchmark.Ceval, shots: 1);
        var after = Render(At("0.4.6"), Benchmark.Ceval, shots: 1);

        var expected =
            "<|im_start|>system\n" + CevalDescription + "<|im_end|>\n" +
            "<|im_start|>user\n" + CevalShot1 + " B\n\n" + CevalQuery + "<|im_end|>\n" +
            "<|im_start|>assistant\n";
        before.Text.Should().Be(expected);
        after.Text.Should().Be(expected, "v0.4.6 changed the continuation only");
        before.Continuations.Should().Equal(" A", " B", " C", " D");
        after.Continuations.Should().Equal(["A", "B", "C", "D"], "v0.4.6 task.py L1316-1317: target_delimiter = \"\" under apply_chat_template");
    }

    [Fact]
    public void Release0492FoldsShotsByDefaultAndRelease0410MakesThemTurns()
    {
        var folded = Render(At("0.4.9.2"), Benchmark.Mmlu, shots: 1);
        var turns = Render(At("0.4.10"), Benchmark.Mmlu, shots: 1);

        folded.Text.Should().Be(
            "<|im_start|>system\n" + MmluDescription + "<|im_end|>\n" +
            "<|im_start|>user\nDev question 1?\nA. d1a\nB. d1b\nC. d1c\nD. d1d\nAnswer: B\n\n" + MmluQuery + "<|im_end|>\n" +
            "<|im_start|>assistant\n");
        turns.Text.Should().Be(
            "<|im_start|>system\n" + MmluDescription + "<|im_end|>\n" +
            "<|im_start|>user\nDev question 1?\nA. d1a\nB. d1b\nC. d1c\nD. d1d\nAnswer:<|im_end|>\n" +
            "<|im_start|>assistant\nB<|im_end|>\n" +
            "<|im_start|>user\n" + MmluQuery + "<|im_end|>\n" +
            "<|im_start|>assistant\n");
        Render(At("0.4.9.2"), Benchmark.Mmlu, shots: 1, new ChatOptions(ShotsAsMultiTurn: true)).Text.Should().Be(turns.Text, "--fewshot_as_multiturn asks for turns in every release");
    }

    [Theory]
    [InlineData("lm-eval@0.4.9")]
    [InlineData("lm-eval@0.4.3")]
    public void ReleasesBeforeV0491RefuseEnableThinkingFalse(string variant)
    {
        var protocol = (LmEvalProtocol)PromptProtocols.Get(variant);

        var act = () => Render(protocol, Benchmark.Cmmlu, shots: 0, new ChatOptions(EnableThinking: false));

        act.Should().Throw<EvalInputException>().WithMessage($"*{variant} cannot send enable_thinking=false*v0.4.9.1*");
        Render(protocol, Benchmark.Cmmlu, shots: 0, new ChatOptions(EnableThinking: true)).Text.Should().EndWith("<|im_start|>assistant\n", "the template's default, thinking on, adds no block");
    }

    [Fact]
    public void Release0491SendsTheEmptyThinkBlock()
    {
        var rendered = Render(At("0.4.9.1"), Benchmark.Cmmlu, shots: 0, new ChatOptions(EnableThinking: false));

        rendered.Text.Should().Be(
            "<|im_start|>system\n以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n<|im_end|>\n" +
            "<|im_start|>user\n哪一层负责路由？\nA. 物理层\nB. 网络层\nC. 传输层\nD. 应用层\n答案：<|im_end|>\n" +
            "<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    [Theory]
    [InlineData("0.4.9.2", "Be brief.", "Be brief.\n\n" + MmluDescription)]
    [InlineData("0.4.10", "Be brief.", "Be brief.\n\n" + MmluDescription)]
    [InlineData("0.4.9.2", "Be brief.\n", "Be brief.\n\n\n" + MmluDescription)]
    [InlineData("0.4.10", "Be brief.\n", "Be brief.\n" + MmluDescription)]
    [InlineData("0.4.9.2", "", "\n\n" + MmluDescription)]
    [InlineData("HEAD", "", MmluDescription)]
    public void TheSystemInstructionJoinsTheDescriptionAsItsReleaseDoes(string tag, string instruction, string system)
    {
        var rendered = Render(At(tag), Benchmark.Mmlu, shots: 0, new ChatOptions(SystemMessage: instruction));

        rendered.Text.Should().Be($"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{MmluQuery}<|im_end|>\n<|im_start|>assistant\n");
    }

    [Fact]
    public void EveryReadReleaseIsAProtocolWithTheTableAsItsRules()
    {
        foreach (var version in LmEvalVersion.All)
        {
            var protocol = new LmEvalProtocol(release: new LmEvalRelease(version));
            protocol.Release.Rules.Should().BeEquivalentTo(LmEvalRules.All.Where(r => r.HoldsAt(version)).Select(r => r.Id));
            protocol.Settings(Benchmark.Mmlu, chat: true).DefaultShots.Should().Be(0);
            protocol.Settings(Benchmark.Mmlu, chat: true).Source.Should().EndWith("@" + version.Revision);
        }
    }
}
