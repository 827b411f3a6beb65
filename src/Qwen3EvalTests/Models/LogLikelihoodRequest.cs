namespace Qwen3EvalTests.Models;

/// <summary>
/// Score each continuation given one context. <see cref="Tokenization"/> says how the texts become the ids that are
/// scored (<see cref="RequestTokenizer"/>, the one step every backend follows).
/// </summary>
/// <param name="Context">The prompt text.</param>
/// <param name="Continuations">The candidate continuations (e.g. " A", " B", " C", " D").</param>
/// <param name="MaxContextTokens">Left-truncate the context to this many tokens (Qwen's scripts: 2048); null: the model's context length less the longest continuation.</param>
/// <param name="IncludeContextLogProb">Also return the summed log-probability of the context tokens (perplexity scoring over the whole sequence, as OpenCompass ppl does).</param>
/// <param name="NextTokenOnly">Score only the last token of each continuation, as the next token after the context: Qwen's scripts compare
/// the next-token logits of <c>tokenizer(" A").input_ids[-1]</c> at the last prompt position (one forward pass per question).
/// Equal to full log-likelihood scoring when every continuation is one token (the real Qwen tokenizer's " A"…" D").</param>
/// <param name="Tokenization">How context and continuations are tokenized (the reference's way).</param>
public sealed record LogLikelihoodRequest(
    string Context,
    IReadOnlyList<string> Continuations,
    int? MaxContextTokens = null,
    bool IncludeContextLogProb = false,
    bool NextTokenOnly = false,
    ContinuationTokenization Tokenization = ContinuationTokenization.Separate)
{
    /// <summary>
    /// The ids <see cref="RequestTokenizer.Tokenize"/> made of this request with the model's own encoder, when the caller
    /// already has them (the scorer does, to record the split); a backend uses them instead of encoding again. Null: the
    /// backend tokenizes. Derived from the fields above and the model's tokenizer, so it is not part of a cache key.
    /// </summary>
    public TokenizedRequest? Tokenized { get; init; }

    /// <summary>The request's ids: <see cref="Tokenized"/>, else <paramref name="encode"/> through <see cref="RequestTokenizer"/>.</summary>
    public TokenizedRequest TokensWith(Func<string, IReadOnlyList<int>> encode) => Tokenized ?? RequestTokenizer.Tokenize(this, encode);
}

/// <summary>The answer to one <see cref="LogLikelihoodRequest"/>.</summary>
/// <param name="Continuations">One score per continuation, in request order.</param>
/// <param name="ContextTokenCount">Context tokens actually fed (after truncation).</param>
/// <param name="TruncatedTokenCount">Context tokens dropped from the left to fit (0 when none).</param>
/// <param name="ContextLogProb">With <see cref="LogLikelihoodRequest.IncludeContextLogProb"/>: summed log-probability of context tokens 2..n (the first has no prediction); else null.</param>
public sealed record LogLikelihoodResult(
    IReadOnlyList<ContinuationScore> Continuations,
    int ContextTokenCount,
    int TruncatedTokenCount,
    double? ContextLogProb);

/// <summary>The log-likelihood of one continuation.</summary>
/// <param name="LogProb">Sum of log p(token | everything before) over the continuation's tokens (natural log).</param>
/// <param name="TokenCount">How many tokens the continuation has.</param>
/// <param name="IsGreedy">Whether every continuation token is the argmax at its position.</param>
public sealed record ContinuationScore(double LogProb, int TokenCount, bool IsGreedy);
