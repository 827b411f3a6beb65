using System.Runtime.InteropServices;
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

        // Each result is read once the next requests' forward calls are under way: a next-token row is summed on a worker
        // thread meanwhile (NextTokenRow), so the engine does not wait for the vocabulary's log-sum-exp.
        var pending = new List<Func<LogLikelihoodResult>>(prepared.Count);
        foreach (var request in prepared)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Add(ScoreWithSharedPrefix(request));
        }

        return pending.ConvertAll(result => result());
    }

    /// <summary>Tokenizes a request as its protocol does (<see cref="RequestTokenizer"/>, unless the caller did) and left-truncates its context to fit.</summary>
    private PreparedRequest Prepare(LogLikelihoodRequest request)
    {
        // Pad ids inside a context or continuation are harmless here: at batch 1 GenAI masks nothing, and every row is read
        // from the full logits by position (batched rows that end in the pad id are scored at batch 1, see ScoreBatched).
        var kept = request.TokensWith(Encode).FittedTo(request.MaxContextTokens, folder.ContextLength, folder.BosTokenId,
            $"the model's context length {folder.ContextLength}", folder.ConfigPath, "model.context_length");
        return new PreparedRequest(kept.Context, kept.Continuations, kept.TruncatedTokens, request.IncludeContextLogProb, request.MaxContextTokens);
    }

    /// <summary>
    /// Scores <paramref name="request"/> on the shared KV cache; the result is read by calling what this returns, at any time
    /// later (it keeps the logits it needs, not the cache's rows).
    /// </summary>
    private Func<LogLikelihoodResult> ScoreWithSharedPrefix(PreparedRequest request)
    {
        // Sized for the longest sequence the protocol's cap allows, not only this one: a later, longer prompt then neither
        // replaces the generator (losing its cached prefix) nor grows the KV buffer mid-run.
        var longestContinuation = request.Continuations.Select(c => c.Count).DefaultIfEmpty(0).Max();
        var cap = Math.Min(request.MaxContextTokens ?? 0, folder.ContextLength);
        var cache = ScoringCache(Math.Max(request.Context.Count, cap) + longestContinuation);
        if (PrefillsFromScratch)
        {
            cache.Forget();
        }

        MoveTo(cache, request.Context, request.IncludeContextLogProb);

        // Tokens every continuation starts with (" " of " A"…" D" under a byte tokenizer) are appended once, not once per continuation.
        var shared = TokenizedRequest.SharedLeadingTokens(request.Continuations);
        var sharedLogProb = 0.0;
        var sharedGreedy = true;
        if (shared > 0)
        {
            var extended = request.Context.ToList();
            foreach (var token in request.Continuations[0].Take(shared))
            {
                sharedLogProb += cache.LastRow[token];
                sharedGreedy &= cache.LastRow.ArgMax == token;
                extended.Add(token);
                MoveTo(cache, extended, needContextLogProbs: false);
            }
        }

        var scores = new List<Func<ContinuationScore>>(request.Continuations.Count);
        foreach (var continuation in request.Continuations)
        {
            var rest = ScoreContinuation(cache, shared == 0 ? continuation : continuation.Skip(shared).ToArray());
            var tokens = continuation.Count;
            scores.Add(shared == 0 ? rest : () =>
            {
                var score = rest();
                return new ContinuationScore(sharedLogProb + score.LogProb, tokens, sharedGreedy && score.IsGreedy);
            });
        }

        double? contextLogProb = request.IncludeContextLogProb ? cache.NextTokenLogProbs.Take(request.Context.Count - 1).Sum() : null;
        var contextTokens = request.Context.Count;
        return () => new LogLikelihoodResult(scores.ConvertAll(score => score()), contextTokens, request.TruncatedTokens, contextLogProb);
    }

    /// <summary>
    /// The batch-1 generator whose KV cache is reused across requests, with a KV buffer of at least <paramref name="tokens"/>
    /// positions. max_length is set from the requests (their context cap, else their length, plus the longest continuation;
    /// rounded up to a multiple of 256, at most the context), never from genai_config.json: a builder export's default is the
    /// whole context, whose static buffer is ~12 GB for Qwen3-8B. A longer request replaces the generator (its cached prefix
    /// is lost once); with a cap (Qwen's 2048) no request is longer than the first.
    /// </summary>
    private PrefixKvCache ScoringCache(int tokens)
    {
        if (scoringCache is { } cache && cache.MaxLength >= tokens)
        {
            return cache;
        }

        scoringCache?.Dispose();
        var maxLength = Math.Min(folder.ContextLength, Math.Max(2, (tokens + 255) / 256 * 256));
        scoringCache = new PrefixKvCache(NewGenerator(1, maxLength), maxLength, rewindsFreely: folder.Search.SharesKvBuffer);
        return scoringCache;
    }

    /// <summary>
    /// Makes the cache hold exactly <paramref name="target"/>, prefilling only past the common prefix. Per-position
    /// log-probabilities (a log-sum-exp over the vocabulary per row) are computed only when <paramref name="needContextLogProbs"/>;
    /// positions skipped earlier hold NaN and are prefilled again when a later request needs them.
    /// </summary>
    private void MoveTo(PrefixKvCache cache, IReadOnlyList<int> target, bool needContextLogProbs)
    {
        var held = cache.Tokens;
        var targetTokens = target as int[] ?? [.. target];
        var common = CollectionsMarshal.AsSpan(held).CommonPrefixLength(targetTokens);

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
        var appended = targetTokens[start..];
        AppendAndReadRows(cache.Generator, appended, everyRow: needContextLogProbs, lastRowHolder: cache.LastRow, onRow: (row, values) =>
        {
            if (row < appended.Length - 1)
            {
                cache.NextTokenLogProbs.Add(needContextLogProbs ? values[appended[row + 1]] - LogSoftmaxRow.LogSumExp(values) : double.NaN);
            }
            else
            {
                cache.LastRow.Set(values);
            }
        });
        if (!needContextLogProbs)
        {
            // Only the last row was read: the positions before it are unknown until a request needs them.
            var known = cache.NextTokenLogProbs.Count;
            CollectionsMarshal.SetCount(cache.NextTokenLogProbs, known + appended.Length - 1);
            CollectionsMarshal.AsSpan(cache.NextTokenLogProbs)[known..].Fill(double.NaN);
        }

        held.AddRange(appended);
    }

    /// <summary>
    /// Scores one continuation after the held context; multi-token continuations are appended and rewound. The score is read
    /// by calling what this returns: its first token's log-probability waits for the held row's summary (<see cref="NextTokenRow.Read"/>).
    /// </summary>
    private Func<ContinuationScore> ScoreContinuation(PrefixKvCache cache, IReadOnlyList<int> continuation)
    {
        if (continuation.Count == 0)
        {
            return () => new ContinuationScore(0, 0, true);
        }

        var first = cache.LastRow.Read(continuation[0]);
        var later = new List<double>(continuation.Count - 1);
        var laterGreedy = true;
        if (continuation.Count > 1)
        {
            var appended = continuation.Take(continuation.Count - 1).ToArray();
            cache.RewindTo(cache.Tokens.Count);
            AppendAndReadRows(cache.Generator, appended, everyRow: true, (row, values) =>
            {
                var (max, argMax) = LogSoftmaxRow.MaxAndArgMax(values);
                later.Add(values[continuation[row + 1]] - LogSoftmaxRow.LogSumExp(values, max));
                laterGreedy &= argMax == continuation[row + 1];
            });

            // With a shared KV buffer the continuation is dropped at once. Without one it stays in the KV cache until the next
            // append rewinds past it: two RewindTo calls in a row without an append in between corrupt GenAI 0.18–0.20's
            // concatenated cache (measured on the legacy graphs: log-likelihoods off by ~0.02).
            if (cache.RewindsFreely)
            {
                cache.RewindTo(cache.Tokens.Count);
            }
        }

        var tokens = continuation.Count;
        return () =>
        {
            // Summed in token order, as the rows come.
            var logProb = first.LogProb;
            foreach (var entry in later)
            {
                logProb += entry;
            }

            return new ContinuationScore(logProb, tokens, first.IsGreedy && laterGreedy);
        };
    }

    /// <summary>
    /// Appends <paramref name="tokens"/> and hands logits rows to <paramref name="onRow"/> (row i predicts the token after
    /// tokens[i]): every row, or only the last, which is then the only row copied out of GenAI. A graph that returns the last position only (prune_lm_head) gets the tokens
    /// one at a time when every row is needed.
    /// </summary>
    /// <param name="lastRowHolder">Where the last row goes when only it is read natively: it takes the tensor instead of a copy (onRow is not called for that row).</param>
    private void AppendAndReadRows(Generator generator, int[] tokens, bool everyRow, LogitsRowAction onRow, NextTokenRow? lastRowHolder = null)
    {
        if (everyRow && tokens.Length > 1 && folder.Graph.LastPositionLogitsOnly)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                Forward(generator, tokens.AsSpan(i, 1), 1);
                using var single = ReadLogits(generator);
                onRow(i, single.Row(0, single.Positions - 1));
            }

            return;
        }

        Forward(generator, tokens, tokens.Length, everyRow);
        if (!everyRow && ReadsNextTokenRowNatively && tokens[^1] != folder.PadTokenId)
        {
            // Only the last row is needed: copy one row, not [tokens, vocab] (GenAI would take it before a trailing pad id).
            if (lastRowHolder is not null)
            {
                lastRowHolder.Hold(ReadNextTokenLogits(generator));
                return;
            }

            using var next = ReadNextTokenLogits(generator);
            onRow(tokens.Length - 1, next.Row(0, 0));
            return;
        }

        using var logits = ReadLogits(generator);
        var firstRow = tokens.Length - logits.Positions;
        if (everyRow && firstRow != 0)
        {
            throw new InvalidOperationException(
                $"GenAI returned logits for {logits.Positions} of {tokens.Length} appended tokens, but the graph {folder.ModelPath} declares every position; re-export the model.");
        }

        for (var position = everyRow ? 0 : logits.Positions - 1; position < logits.Positions; position++)
        {
            onRow(firstRow + position, logits.Row(0, position));
        }
    }

    /// <summary>
    /// The shape of the scoring generator's present.0.key, or null before the first request: with a shared buffer
    /// [1, kv_heads, max_length, head_size], so tests can see which max_length GenAI allocated.
    /// </summary>
    internal long[]? ScoringKvCacheShape()
    {
        using var present = scoringCache?.Generator.GetOutput("present.0.key");
        return present?.Shape();
    }

    /// <summary>A generator for scoring: batch size and max_length from the requests, greedy search set explicitly.</summary>
    private Generator NewGenerator(int batchSize, int maxLength)
    {
        using var generatorParams = new GeneratorParams(model);
        GenerationSearchOptions.ApplyScoring(generatorParams, batchSize, maxLength);
        return new Generator(model, generatorParams);
    }

    private delegate void LogitsRowAction(int row, ReadOnlySpan<float> values);

    /// <param name="MaxContextTokens">The protocol's cap on the context (the request's), which sizes the KV buffer once.</param>
    private sealed record PreparedRequest(IReadOnlyList<int> Context, IReadOnlyList<IReadOnlyList<int>> Continuations, int TruncatedTokens, bool IncludeContextLogProb, int? MaxContextTokens);
}
