using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts.Extraction;

namespace Qwen3EvalTests.Prompts;

/// <summary>One question rendered by a protocol: the exact text fed to the model and how to score it.</summary>
/// <param name="Text">The exact prompt (for chat: the ChatML string ending with the assistant header). For perplexity scoring, the shared prefix of every option's sequence.</param>
/// <param name="Messages">The chat messages <see cref="Text"/> was rendered from; null for base prompts.</param>
/// <param name="Continuations">The scored continuations in option order (empty for generation).</param>
/// <param name="ScoreWholeSequence">True when the loss of Text + continuation is scored as a whole, averaged per token (OpenCompass ppl).</param>
/// <param name="MaxContextTokens">Left-truncate the context to this many tokens (done by the model backend); null: no limit of the protocol's own.</param>
/// <param name="ScoredSplit">The split whose questions are scored.</param>
/// <param name="Average">How the benchmark score averages subjects.</param>
/// <param name="Scoring">How the prediction is made.</param>
/// <param name="ExpectedAnswer">The correct letter, when the split has answers.</param>
/// <param name="Extractor">For <see cref="ScoringMode.GenerateAndExtract"/>: reads the letter out of the generated text; else null.</param>
public sealed record RenderedPrompt(
    string Text,
    IReadOnlyList<ChatTurn>? Messages,
    IReadOnlyList<string> Continuations,
    bool ScoreWholeSequence,
    int? MaxContextTokens,
    Split ScoredSplit,
    AverageKind Average,
    ScoringMode Scoring,
    char? ExpectedAnswer,
    IAnswerExtractor? Extractor);
