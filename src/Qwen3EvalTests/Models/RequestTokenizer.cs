namespace Qwen3EvalTests.Models;

/// <summary>
/// Turns a <see cref="LogLikelihoodRequest"/> into the token ids its <see cref="LogLikelihoodRequest.Tokenization"/> says
/// the reference scores, given the model's own encoder: the one tokenization step of scoring. The scorer runs it before
/// a request reaches a backend (and records the split); a backend given a request without ids runs it itself.
/// Truncation is not applied here (see <see cref="TokenizedRequest.KeepLast"/>).
/// </summary>
public static class RequestTokenizer
{
    /// <summary>The ids of <paramref name="request"/>, encoding with <paramref name="encode"/> (no special tokens added).</summary>
    public static TokenizedRequest Tokenize(LogLikelihoodRequest request, Func<string, IReadOnlyList<int>> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return Split(request, Texts(request).Select(encode).ToArray());
    }

    /// <summary>As <see cref="Tokenize"/>, for an encoder that answers asynchronously (a served model's /tokenize).</summary>
    public static async ValueTask<TokenizedRequest> TokenizeAsync(LogLikelihoodRequest request, Func<string, CancellationToken, Task<IReadOnlyList<int>>> encode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var texts = Texts(request);
        var encoded = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            encoded[i] = await encode(texts[i], cancellationToken).ConfigureAwait(false);
        }

        return Split(request, encoded);
    }

    /// <summary>
    /// The strings that are encoded, in order. Separate: the context, then each continuation. Whole sequence: each
    /// <c>context + continuation</c>. lm-eval: the context without its trailing whitespace, then each
    /// <c>context + continuation</c>.
    /// </summary>
    public static IReadOnlyList<string> Texts(LogLikelihoodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.NextTokenOnly && request.Tokenization != ContinuationTokenization.Separate)
        {
            throw new ArgumentException($"next-token-only scoring reads the last id of a separately encoded continuation (Qwen's scripts); it is undefined for {request.Tokenization.ToId()} tokenization.", nameof(request));
        }

        return request.Tokenization switch
        {
            ContinuationTokenization.Separate => [request.Context, .. request.Continuations],
            ContinuationTokenization.WholeSequence => [.. request.Continuations.Select(c => request.Context + c)],
            ContinuationTokenization.LmEvalEncodePair => [StrippedContext(request.Context), .. request.Continuations.Select(c => request.Context + c)],
            var other => throw new ArgumentOutOfRangeException(nameof(request), other, null),
        };
    }

    /// <summary>Splits the encodings of <see cref="Texts"/> into context and continuation ids.</summary>
    public static TokenizedRequest Split(LogLikelihoodRequest request, IReadOnlyList<IReadOnlyList<int>> encoded)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(encoded);
        var expected = Texts(request).Count;
        if (encoded.Count != expected)
        {
            throw new ArgumentException($"{expected} encodings expected (one per text of Texts), not {encoded.Count}.", nameof(encoded));
        }

        switch (request.Tokenization)
        {
            case ContinuationTokenization.Separate:
                // Qwen's scripts: the answer id is the last id of the encoded continuation, read at the last prompt position.
                var continuations = encoded.Skip(1).Select(tokens => request.NextTokenOnly && tokens.Count > 1 ? [tokens[^1]] : tokens).ToArray();
                return new TokenizedRequest(encoded[0], continuations);
            case ContinuationTokenization.WholeSequence:
                var shared = SharedPrefix(encoded);
                return new TokenizedRequest(encoded.Count == 0 ? [] : encoded[0].Take(shared).ToArray(), [.. encoded.Select(whole => (IReadOnlyList<int>)whole.Skip(shared).ToArray())]);
            default:
                // lm-eval: continuation_enc = whole_enc[len(context_enc):], fed after context_enc (whatever whole_enc starts with).
                var context = encoded[0];
                return new TokenizedRequest(context, [.. encoded.Skip(1).Select(whole => (IReadOnlyList<int>)whole.Skip(context.Count).ToArray())]);
        }
    }

    /// <summary>lm-eval's <c>context.rstrip()</c>: the context without trailing whitespace (Python's <c>str.isspace</c>).</summary>
    public static string StrippedContext(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var end = context.Length;
        while (end > 0 && IsPythonSpace(context[end - 1]))
        {
            end--;
        }

        return context[..end];
    }

    // str.isspace: .NET's white space plus the separators U+001C..U+001F, which Python also counts.
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    /// <summary>How many leading ids every sequence shares, each keeping at least one id of its own.</summary>
    private static int SharedPrefix(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        if (sequences.Count == 0)
        {
            return 0;
        }

        var shortest = sequences.Min(s => s.Count);
        var shared = 0;
        while (shared < shortest - 1 && sequences.All(s => s[shared] == sequences[0][shared]))
        {
            shared++;
        }

        return shared;
    }
}
