using System.Text;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// Qwen's ChatML as its tokenizer chat templates render it with add_generation_prompt:
/// <c>&lt;|im_start|&gt;{role}\n{content}&lt;|im_end|&gt;\n</c> per message, then the assistant header;
/// Qwen3's enable_thinking=false adds an empty think block after the header.
/// </summary>
public static class ChatMl
{
    public const string EmptyThinkBlock = "<think>\n\n</think>\n\n";

    public static string Render(IReadOnlyList<ChatTurn> messages, bool? enableThinking)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            text.Append("<|im_start|>").Append(message.Role).Append('\n')
                .Append(message.Content).Append("<|im_end|>\n");
        }

        text.Append("<|im_start|>assistant\n");
        if (enableThinking == false)
        {
            text.Append(EmptyThinkBlock);
        }

        return text.ToString();
    }

    /// <summary>The optional system message followed by <paramref name="turns"/>.</summary>
    public static IReadOnlyList<ChatTurn> WithSystem(string? system, IEnumerable<ChatTurn> turns) =>
        system is null ? turns.ToArray() : [new ChatTurn("system", system), .. turns];
}
