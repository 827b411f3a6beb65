namespace Qwen3EvalTests.Prompts;

/// <summary>How a chat prompt is laid out.</summary>
/// <param name="ShotsAsMultiTurn">Shots as user/assistant turns (true) or folded into one user message (false); null: the protocol's own default.</param>
/// <param name="SystemMessage">A system message; null: none (Qwen3's template adds no default one).</param>
/// <param name="EnableThinking">Qwen3's switch: false appends an empty think block after the assistant header; null or true: nothing appended.</param>
public sealed record ChatOptions(bool? ShotsAsMultiTurn = null, string? SystemMessage = null, bool? EnableThinking = null)
{
    public static ChatOptions Default { get; } = new();
}
