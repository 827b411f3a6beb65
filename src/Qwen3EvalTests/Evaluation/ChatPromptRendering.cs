using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// How a chat-form prompt becomes the text a loaded model reads: its messages rendered by the model's own chat template
/// (chat_template.jinja or tokenizer_config.json), as OpenCompass's HuggingFacewithChatTemplate and lm-eval's
/// --apply_chat_template do, so a Qwen2/2.5 template's default system turn is there when the messages have none; the
/// protocol's ChatML text only when the model has no template. The thinking switch reaches the template as its argument
/// (enable_thinking, <see cref="ChatTemplateArguments"/>), as transformers' apply_chat_template and the served engines'
/// chat_template_kwargs pass it: Qwen3's template then ends the prompt with its empty think block itself. A template that
/// ignores enable_thinking=false (Qwen2/2.5, plain ChatML) is refused rather than sent a prompt in thinking mode.
/// </summary>
public static class ChatPromptRendering
{
    /// <summary>Recorded when the model's own chat template rendered the messages.</summary>
    public const string ModelTemplate = "model chat_template";

    /// <summary>Recorded when the model has no template and the protocol's ChatML text was sent.</summary>
    public const string HarnessChatMl = "harness ChatML";

    /// <summary>What renders the chat prompts of <paramref name="plan"/> on <paramref name="model"/>; null for base prompts.</summary>
    public static string? RendererOf(EvaluationPlan plan, ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        return !plan.Chat ? null : model.HasChatTemplate ? ModelTemplate : HarnessChatMl;
    }

    /// <summary><paramref name="prompt"/> as <paramref name="model"/> reads it: chat messages through its template, else unchanged.</summary>
    public static PlannedPrompt Apply(PlannedPrompt prompt, ILanguageModel model, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(model);
        if (prompt.Prompt.Messages is not { } messages || !model.Info.HasChatTemplate)
        {
            return prompt;
        }

        var arguments = new ChatTemplateArguments(options?.EnableThinking);
        var text = model.ApplyChatTemplate(messages, addGenerationPrompt: true, arguments);
        if (arguments.EnableThinking == false && text == model.ApplyChatTemplate(messages, addGenerationPrompt: true))
        {
            throw new EvalInputException(
                $"the chat template of model '{model.Info.Name}' ignores enable_thinking=false (it renders the same prompt without it), so non-thinking mode cannot be sent; run thinking mode, or a model whose template has Qwen3's switch.",
                model.Info.Folder,
                field: "enable_thinking");
        }

        return prompt with { Prompt = prompt.Prompt with { Text = text } };
    }
}
