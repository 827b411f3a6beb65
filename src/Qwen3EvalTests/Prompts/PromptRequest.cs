using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>Everything a protocol needs to render one question.</summary>
/// <param name="Question">The question to render.</param>
/// <param name="Subject">What the mappings say of its subject (names used in headers).</param>
/// <param name="Shots">The in-context examples, already chosen (dev split, file order, first K); see <see cref="ShotSelection"/>.</param>
/// <param name="Chat">Render for an instruct model (ChatML) instead of a plain completion prompt.</param>
/// <param name="ChatOptions">Chat layout; null: <see cref="ChatOptions.Default"/>.</param>
public sealed record PromptRequest(
    Question Question,
    SubjectInfo Subject,
    IReadOnlyList<Question> Shots,
    bool Chat = false,
    ChatOptions? ChatOptions = null)
{
    public ChatOptions EffectiveChatOptions => ChatOptions ?? ChatOptions.Default;
}
