namespace Qwen3EvalTests.Models;

/// <summary>
/// A <see cref="LogLikelihoodRequest"/> as token ids, made by <see cref="RequestTokenizer"/>: the model is fed
/// <c>Context ++ Continuations[i]</c> and scores the continuation's tokens (with the context's too for whole-sequence
/// perplexity). <see cref="TruncatedTokens"/> counts context tokens dropped from the left by <see cref="KeepLast"/>.
/// </summary>
/// <param name="Context">The context ids (after any truncation).</param>
/// <param name="Continuations">The scored ids of each continuation, in request order.</param>
/// <param name="TruncatedTokens">Context tokens dropped from the left (0 before <see cref="KeepLast"/>).</param>
public sealed record TokenizedRequest(IReadOnlyList<int> Context, IReadOnlyList<IReadOnlyList<int>> Continuations, int TruncatedTokens = 0)
{
    /// <summary>The most tokens any continuation has (0 without continuations).</summary>
    public int LongestContinuation => Continuations.Count == 0 ? 0 : Continuations.Max(c => c.Count);

    /// <summary>
    /// The most context tokens that may be fed: at most <paramref name="maxContextTokens"/> (the protocol's limit; null: none)
    /// and what leaves room for the longest continuation in <paramref name="positions"/> (the model's context length, less
    /// what the engine needs besides). Below 1 nothing fits.
    /// </summary>
    public int ContextLimit(int? maxContextTokens, int positions) => Math.Min(maxContextTokens ?? int.MaxValue, positions - LongestContinuation);

    /// <summary>The request with its context cut to the last <paramref name="limit"/> tokens (unchanged when it fits).</summary>
    public TokenizedRequest KeepLast(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 0);
        var dropped = Math.Max(0, Context.Count - limit);
        return dropped == 0 ? this : this with { Context = Context.Skip(dropped).ToArray(), TruncatedTokens = TruncatedTokens + dropped };
    }
}
