using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// How a chat-form prompt becomes the text a loaded model reads: its messages rendered by the model's own chat template
/// (chat_template.jinja or tokenizer_config.json), as OpenCompass's HuggingFacewithChatTemplate and lm-eval's
/// --apply_chat_template do, so a Qwen2/2.5 template's default system turn is there when the messages have none; the
/// protocol's ChatML text only when the model has no template. Qwen3's enable_thinking=false (an empty think block after
/// the assistant header) is appended here, because GenAI's template call takes no template arguments; Qwen3's template
/// renders exactly that block.
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

        var text = model.ApplyChatTemplate(messages, addGenerationPrompt: true);
        if (options?.EnableThinking == false)
        {
            text += ChatMl.EmptyThinkBlock;
        }

        return prompt with { Prompt = prompt.Prompt with { Text = text } };
    }
}
