using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private PrefixKvCache? scoringCache;

    private IReadOnlyList<LogLikelihoodResult> ScoreUnguarded(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var prepared = requests.Select(Prepare).ToList();
        if (options.BatchSize > 1)
        {
            return ScoreBatched(prepared, cancellationToken);
        }

        var results = new List<LogLikelihoodResult>(prepared.Count);
        foreach (var request in prepared)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(ScoreWithSharedPrefix(request));
        }

        return results;
    }

    /// <summary>Tokenizes a request and left-truncates its context to fit.</summary>
    private PreparedRequest Prepare(LogLikelihoodRequest request)
    {
        var continuations = request.Continuations.Select(Encode).ToList();
        if (request.NextTokenOnly)
        {
            // Qwen's scripts: the answer token is the last token of the encoded continuation, read at the last prompt position.
            continuations = continuations.Select(tokens => tokens.Count <= 1 ? tokens : (IReadOnlyList<int>)[tokens[^1]]).ToList();
        }

        var longest = continuations.Count == 0 ? 0 : continuations.Max(tokens => tokens.Count);
        var limit = Math.Min(request.MaxContextTokens ?? int.MaxValue, folder.ContextLength - longest);
        if (limit < 1)
        {
            throw new EvalInputException($"a continuation of {longest} tokens leaves no room for context in the model's context length {folder.ContextLength}.", folder.ConfigPath, field: "model.context_length");
        }

        var context = Encode(request.Context);
        if (context.Count == 0)
        {
            context = [folder.BosTokenId];
        }

        var truncated = Math.Max(0, context.Count - limit);
        var kept = truncated == 0 ? context : context.Skip(truncated).ToArray();
        GuardPadToken(kept, "context");
        foreach (var continuation in continuations)
        {
            GuardPadToken(continuation, "continuation");
        }

        return new PreparedRequest(kept, continuations, truncated, request.IncludeContextLogProb);
    }

    private LogLikelihoodResult ScoreWithSharedPrefix(PreparedRequest request)
    {
        var cache = scoringCache ??= new PrefixKvCache(NewGenerator(1, folder.ContextLength));
        MoveTo(cache, request.Context, request.IncludeContextLogProb);

        // Tokens every continuation starts with (" " of " A"…" D" under a byte tokenizer) are appended once, not once per continuation.
        var shared = SharedLeadingTokens(request.Continuations);
        var sharedLogProb = 0.0;
        var sharedGreedy = true;
        if (shared > 0)
        {
            var extended = request.Context.ToList();
            foreach (var token in request.Continuations[0].Take(shared))
            {
                sharedLogProb += cache.LastRow[token];
                sharedGreedy &= LogSoftmaxRow.ArgMax(cache.LastRow) == token;
                extended.Add(token);
                MoveTo(cache, extended, needContextLogProbs: false);
            }
        }

        var scores = new List<ContinuationScore>(request.Continuations.Count);
        foreach (var continuation in request.Continuations)
        {
            var rest = ScoreContinuation(cache, shared == 0 ? continuation : continuation.Skip(shared).ToArray());
            scores.Add(shared == 0 ? rest : new ContinuationScore(sharedLogProb + rest.LogProb, continuation.Count, sharedGreedy && rest.IsGreedy));
        }

        double? contextLogProb = request.IncludeContextLogProb ? cache.NextTokenLogProbs.Take(request.Context.Count - 1).Sum() : null;
        return new LogLikelihoodResult(scores, request.Context.Count, request.TruncatedTokens, contextLogProb);
    }

    /// <summary>
    /// Makes the cache hold exactly <paramref name="target"/>, prefilling only past the common prefix. Per-position
    /// log-probabilities (a log-sum-exp over the vocabulary per row) are computed only when <paramref name="needContextLogProbs"/>;
    /// positions skipped earlier hold NaN and are prefilled again when a later request needs them.
    /// </summary>
    private void MoveTo(PrefixKvCache cache, IReadOnlyList<int> target, bool needContextLogProbs)
    {
        var held = cache.Tokens;
        var common = 0;
        while (common < held.Count && common < target.Count && held[common] == target[common])
        {
            common++;
        }

        var missing = needContextLogProbs ? cache.NextTokenLogProbs.FindIndex(double.IsNaN) : -1;
        if (missing >= 0 && missing < common)
        {
            common = missing + 1;
        }

        if (common == held.Count && common == target.Count)
        {
            reusedTokens += common;
            return;
        }

        // Extending the held sequence: its last row predicts target[common]. Otherwise re-run one shared token to get that row.
        var start = common == held.Count ? common : Math.Max(common - 1, 0);
        cache.RewindTo(start);
        if (start < held.Count)
        {
            held.RemoveRange(start, held.Count - start);
            // Entries below start predict tokens at positions 1..start, which target shares (start < common).
            var kept = Math.Min(start, cache.NextTokenLogProbs.Count);
            cache.NextTokenLogProbs.RemoveRange(kept, cache.NextTokenLogProbs.Count - kept);
        }
        else if (start > 0)
        {
            cache.NextTokenLogProbs.Add(cache.LastRow[target[start]]);
        }

        reusedTokens += start;
        var appended = target.Skip(start).ToArray();
        Forward(cache.Generator, appended, appended.Length);
        using (var logits = ReadLogits(cache.Generator))
        {
            var data = logits.GetData<float>();
            var vocab = folder.VocabSize;
            for (var row = 0; row < appended.Length - 1; row++)
            {
                var values = data.Slice(row * vocab, vocab);
                cache.NextTokenLogProbs.Add(needContextLogProbs ? values[appended[row + 1]] - LogSoftmaxRow.LogSumExp(values) : double.NaN);
            }

            cache.LastRow = LogSoftmaxRow.Compute(data.Slice((appended.Length - 1) * vocab, vocab));
        }

        held.AddRange(appended);
    }

    /// <summary>Scores one continuation after the held context; multi-token continuations are appended and rewound.</summary>
    private ContinuationScore ScoreContinuation(PrefixKvCache cache, IReadOnlyList<int> continuation)
    {
        if (continuation.Count == 0)
        {
            return new ContinuationScore(0, 0, true);
        }

        var logProb = cache.LastRow[continuation[0]];
        var greedy = LogSoftmaxRow.ArgMax(cache.LastRow) == continuation[0];
        if (continuation.Count > 1)
        {
            var appended = continuation.Take(continuation.Count - 1).ToArray();
            cache.RewindTo(cache.Tokens.Count);
            Forward(cache.Generator, appended, appended.Length);
            using (var logits = ReadLogits(cache.Generator))
            {
                var data = logits.GetData<float>();
                var vocab = folder.VocabSize;
                for (var row = 0; row < appended.Length; row++)
                {
                    var values = data.Slice(row * vocab, vocab);
                    logProb += values[continuation[row + 1]] - LogSoftmaxRow.LogSumExp(values);
                    greedy &= LogSoftmaxRow.ArgMax(values) == continuation[row + 1];
                }
            }

            // The continuation stays in the KV cache until the next append rewinds past it: two RewindTo calls in a row
            // without an append in between corrupt GenAI 0.18.0's cache (measured: log-likelihoods off by ~0.02).
        }

        return new ContinuationScore(logProb, continuation.Count, greedy);
    }

    /// <summary>How many leading tokens all continuations share while each keeps at least one token of its own.</summary>
    private static int SharedLeadingTokens(IReadOnlyList<IReadOnlyList<int>> continuations)
    {
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

    private Generator NewGenerator(int batchSize, int maxLength)
    {
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("batch_size", batchSize);
        generatorParams.SetSearchOption("max_length", maxLength);
        return new Generator(model, generatorParams);
    }

    private sealed record PreparedRequest(IReadOnlyList<int> Context, IReadOnlyList<IReadOnlyList<int>> Continuations, int TruncatedTokens, bool IncludeContextLogProb);
}
