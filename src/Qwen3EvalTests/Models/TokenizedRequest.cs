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

    /// <summary>
    /// What an engine feeds: the context cut to <see cref="ContextLimit"/> for its <paramref name="positions"/>, an empty
    /// context replaced by <paramref name="emptyContext"/> (the BOS id; null: an empty context is refused). Every backend
    /// fits requests here, so all of them truncate the same ids.
    /// </summary>
    /// <param name="maxContextTokens">The protocol's limit; null: none.</param>
    /// <param name="positions">The positions the engine has for context and continuation.</param>
    /// <param name="emptyContext">The id an empty context becomes, or null to refuse one.</param>
    /// <param name="engine">The engine's context, for the message: "the model's context length 4096".</param>
    /// <param name="file">The file that sets the context length, if any.</param>
    /// <param name="field">The field or option that sets it.</param>
    /// <exception cref="EvalInputException">No room for any context, or an empty context the engine cannot score.</exception>
    public TokenizedRequest FittedTo(int? maxContextTokens, int positions, int? emptyContext, string engine, string? file, string field)
    {
        var limit = ContextLimit(maxContextTokens, positions);
        if (limit < 1)
        {
            throw new EvalInputException($"a continuation of {LongestContinuation} tokens leaves no room for context in {engine}; use shorter continuations or a model with a longer context.", file, field: field);
        }

        var request = this;
        if (Context.Count == 0)
        {
            request = emptyContext is { } id
                ? this with { Context = [id] }
                : throw new EvalInputException("an empty context cannot be scored by this engine: the first continuation token would have nothing to be predicted from.", field: "Context");
        }

        return request.KeepLast(limit);
    }

    /// <summary>The request with its context cut to the last <paramref name="limit"/> tokens (unchanged when it fits).</summary>
    public TokenizedRequest KeepLast(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 0);
        var dropped = Math.Max(0, Context.Count - limit);
        return dropped == 0 ? this : this with { Context = Context.Skip(dropped).ToArray(), TruncatedTokens = TruncatedTokens + dropped };
    }

    /// <summary>
    /// How many leading tokens all continuations share while each keeps at least one token of its own (" " of " A"…" D"
    /// under a byte tokenizer): engines decode them once after the context instead of once per continuation.
    /// </summary>
    public static int SharedLeadingTokens(IReadOnlyList<IReadOnlyList<int>> continuations)
    {
        ArgumentNullException.ThrowIfNull(continuations);
        if (continuations.Count < 2)
        {
            return 0;
        }

        var shortest = continuations.Min(c => c.Count);
        var shared = 0;
        while (shared < shortest - 1 && continuations.All(c => c[shared] == continuations[0][shared]))
        {
            shared++;
        }

        return shared;
    }
}
