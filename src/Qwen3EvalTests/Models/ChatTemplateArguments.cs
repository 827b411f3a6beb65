using System.Text;
using System.Text.Json;

namespace Qwen3EvalTests.Models;

/// <summary>
/// What a chat template is rendered with besides the messages and add_generation_prompt: transformers'
/// apply_chat_template keyword arguments, which GenAI takes as the tokenizer option <c>chat_template_kwargs</c> and vLLM,
/// SGLang and llama-server as the request's <c>chat_template_kwargs</c>. Mapped to those names here only.
/// </summary>
/// <param name="EnableThinking">Qwen3's switch: false makes Qwen3's template end the generation prompt with an empty think
/// block; null passes no argument (the template's default).</param>
public sealed record ChatTemplateArguments(bool? EnableThinking = null)
{
    /// <summary>No template argument: the template renders with its defaults.</summary>
    public static ChatTemplateArguments None { get; } = new();

    /// <summary>Whether no argument is passed.</summary>
    public bool IsEmpty => EnableThinking is null;

    /// <summary>The arguments by the name the templates read (<c>enable_thinking</c>); empty when there are none.</summary>
    public IReadOnlyDictionary<string, bool> Kwargs =>
        EnableThinking is { } enable ? new Dictionary<string, bool> { ["enable_thinking"] = enable } : new Dictionary<string, bool>();

    /// <summary><see cref="Kwargs"/> as one JSON object, e.g. <c>{"enable_thinking":false}</c>; <c>{}</c> when there are none.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Kwargs)
            {
                writer.WriteBoolean(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
