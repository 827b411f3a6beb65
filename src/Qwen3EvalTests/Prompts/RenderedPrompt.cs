using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Prompts;

/// <summary>One question rendered by a protocol: the exact text fed to the model and the continuations it scores.</summary>
/// <param name="Text">The exact prompt (for chat: the ChatML string ending with the assistant header). For perplexity scoring, the shared prefix of every option's sequence.</param>
/// <param name="Messages">The chat messages <see cref="Text"/> was rendered from; null for base prompts.</param>
/// <param name="Continuations">The scored continuations in option order (empty for generation).</param>
public sealed record RenderedPrompt(
    string Text,
    IReadOnlyList<ChatTurn>? Messages,
    IReadOnlyList<string> Continuations);
