using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.Qwen;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class ChatTemplateTests
{
    [Fact]
    public void BaseModelWithoutATemplateRefusesChatMessagesAndNamesACompletionProtocol()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy")));

        var render = () => model.ApplyChatTemplate([new ChatTurn("user", "Hi")], addGenerationPrompt: true);

        render.Should().Throw<EvalInputException>().WithMessage("*has no chat template*chat_template.jinja*completion protocol*");
    }

    [Fact]
    public void InstructModelWithTheTemplateInTokenizerConfigRendersChatMl()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesInstructSpec with { Export = TinyModelExport.Legacy }));

        var text = model.ApplyChatTemplate([new ChatTurn("system", "Be brief."), new ChatTurn("user", "答案是什么？")], addGenerationPrompt: true);

        model.Info.Kind.Should().Be(ModelKind.Instruct);
        text.Should().Be("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n答案是什么？<|im_end|>\n<|im_start|>assistant\n");
    }

    [Fact]
    public void BaseExportWithChatTemplateJinjaRendersItAndStaysBase()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = GenAiLanguageModel.Load(folder);

        var text = model.ApplyChatTemplate([new ChatTurn("user", "答案是什么？")], addGenerationPrompt: true);

        File.ReadAllText(Path.Combine(folder, "tokenizer_config.json")).Should().NotContain("chat_template");
        GenAiModelFolder.Open(folder).ChatTemplateSource.Should().Be(ChatTemplateSource.ChatTemplateJinja);
        text.Should().Be("<|im_start|>user\n答案是什么？<|im_end|>\n<|im_start|>assistant\n");
        model.Info.Kind.Should().Be(ModelKind.Base, "a template in chat_template.jinja says nothing about base vs instruct: Qwen base checkpoints ship one");
    }

    [Fact]
    public void RealQwen3InstructTemplateRendersChatMl()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec with { Kind = ModelKind.Instruct }));

        var text = model.ApplyChatTemplate([new ChatTurn("user", "Hi")], addGenerationPrompt: true);

        text.Should().StartWith("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    }

    /// <summary>
    /// enable_thinking=false reaches Qwen3's own template as a template argument (GenAI's chat_template_kwargs), which ends the
    /// generation prompt with the empty think block the harness used to append itself; the argument does not outlive its call.
    /// </summary>
    [Fact]
    public void TheRealQwen3TemplateTakesEnableThinkingFalseAsATemplateArgument()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec with { Kind = ModelKind.Instruct }));
        ChatTurn[] turns = [new("system", "Be brief."), new("user", "答案是什么？")];
        const string Plain = "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n答案是什么？<|im_end|>\n<|im_start|>assistant\n";

        var nonThinking = model.ApplyChatTemplate(turns, addGenerationPrompt: true, new ChatTemplateArguments(EnableThinking: false));
        var afterwards = model.ApplyChatTemplate(turns, addGenerationPrompt: true);
        var thinking = model.ApplyChatTemplate(turns, addGenerationPrompt: true, new ChatTemplateArguments(EnableThinking: true));

        nonThinking.Should().Be(Plain + "<think>\n\n</think>\n\n");
        afterwards.Should().Be(Plain, "an earlier call's template arguments must not linger in the tokenizer");
        thinking.Should().Be(Plain);
    }

    [Fact]
    public void ATemplateWithoutQwen3sSwitchIsRefusedForNonThinkingModeInsteadOfSentAThinkingPrompt()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesInstructSpec with { Export = TinyModelExport.Legacy }));
        var plan = new EvaluationPlan(Benchmark.Mmlu, new QwenProtocol(), DataFolder.SampleDirectory, Chat: true, ChatOptions: new ChatOptions(EnableThinking: false), Limit: 1);
        var prompt = PlanPrompts.Of(plan).First();

        var render = () => ChatPromptRendering.Apply(prompt, model, plan.ChatOptions);

        render.Should().Throw<EvalInputException>().WithMessage("*ignores enable_thinking=false*thinking mode*");
        ChatPromptRendering.Apply(prompt, model, new ChatOptions()).Prompt.Text.Should().EndWith("<|im_start|>assistant\n");
    }

    /// <summary>
    /// A run renders chat messages with the model's template (ChatPromptRendering). On the real Qwen3 template — which has
    /// no default system turn — that is byte for byte the ChatML the protocols render themselves, for every chat
    /// protocol and benchmark on the sample: so the messages carry everything the harness's text does.
    /// </summary>
    [Fact]
    public void TheRealQwen3TemplateRendersEveryChatProtocolsMessagesAsTheHarnessChatMl()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec with { Kind = ModelKind.Instruct }));
        var compared = 0;
        foreach (var protocol in PromptProtocols.Names)
        {
            foreach (var benchmark in new[] { Benchmark.Mmlu, Benchmark.Ceval, Benchmark.Cmmlu })
            {
                foreach (var thinking in new bool?[] { null, false })
                {
                    if (thinking == false && PromptProtocols.Get(protocol) is LmEvalProtocol { Release: var release } && !release.Holds(LmEvalRuleId.ChatTemplateReceivesEnableThinking))
                    {
                        continue; // that release cannot send enable_thinking=false, and refuses it (LmEvalProtocolRulesTests)
                    }

                    var plan = new EvaluationPlan(benchmark, PromptProtocols.Get(protocol), DataFolder.SampleDirectory, Chat: true, ChatOptions: new ChatOptions(EnableThinking: thinking), Limit: 1);
                    foreach (var prompt in PlanPrompts.Of(plan))
                    {
                        ChatPromptRendering.Apply(prompt, model, plan.ChatOptions).Prompt.Text.Should().Be(prompt.Prompt.Text, $"{protocol} {benchmark.ToId()} {prompt.Subject.Id} thinking={thinking}");
                        compared++;
                    }
                }
            }
        }

        compared.Should().BeGreaterThan(100);
    }
}
