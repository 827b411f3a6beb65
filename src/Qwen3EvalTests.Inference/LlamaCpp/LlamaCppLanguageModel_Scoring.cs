using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.LlamaCpp;

public sealed partial class LlamaCppLanguageModel
{
    /// <summary>The tokens whose keys and values sequence 0 of the KV cache holds, position by position.</summary>
    private readonly List<int> held = [];

    /// <summary>Entry i: log p(held[i + 1] | held[..i]); NaN where only the last row was read.</summary>
    private readonly List<double> heldLogProbs = [];

    /// <summary>
    /// The row after held's last token (what the next token is scored against; empty when none is held): copied out of
    /// llama.cpp once and summed once (<see cref="NextTokenRow"/>), not materialized as a vocabulary-sized log-softmax.
    /// </summary>
    private readonly NextTokenRow lastRow = new();

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ObjectDisposedException.ThrowIf(disposed, this);
        var results = new List<LogLikelihoodResult>(requests.Count);
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(ScoreOne(request));
        }

        return results;
    }

    /// <summary>Tokenized as the request's protocol does (<see cref="RequestTokenizer"/>, unless the caller did) and truncated as the GenAI backend does, so both engines score the same ids.</summary>
    private LogLikelihoodResult ScoreOne(LogLikelihoodRequest request)
    {
        var kept = request.TokensWith(Encode).FittedTo(request.MaxContextTokens, Info.ContextLength, bosTokenId,
            $"the llamacpp engine's context size {Info.ContextLength}", GgufPath, "context_length");
        var contextTokens = kept.Context;
        var continuations = kept.Continuations;
        var truncated = kept.TruncatedTokens;
        MoveTo(contextTokens, request.IncludeContextLogProb);
        double? contextLogProb = request.IncludeContextLogProb ? heldLogProbs.Take(contextTokens.Count - 1).Sum() : null;

        // Tokens every continuation starts with (" " of " A"…" D" under a byte tokenizer) are decoded once, as the genai engine does.
        var shared = TokenizedRequest.SharedLeadingTokens(continuations);
        var sharedLogProb = 0.0;
        var sharedGreedy = true;
        var extended = contextTokens.ToList();
        foreach (var token in continuations.Count == 0 ? [] : continuations[0].Take(shared))
        {
            sharedLogProb += lastRow[token];
            sharedGreedy &= lastRow.ArgMax == token;
            extended.Add(token);
            MoveTo(extended, everyRow: false);
        }

        var scores = new List<ContinuationScore>(continuations.Count);
        foreach (var continuation in continuations)
        {
            var rest = ScoreContinuation(extended.Count, shared == 0 ? continuation : continuation.Skip(shared).ToArray());
            scores.Add(shared == 0 ? rest : new ContinuationScore(sharedLogProb + rest.LogProb, continuation.Count, sharedGreedy && rest.IsGreedy));
        }

        return new LogLikelihoodResult(scores, contextTokens.Count, truncated, contextLogProb);
    }

    /// <summary>
    /// Makes the KV cache hold exactly <paramref name="target"/>, decoding only past the prefix it shares with what is held
    /// (at least one token, whose row is the next-token distribution); per-position log-probabilities only when needed.
    /// </summary>
    private void MoveTo(IReadOnlyList<int> target, bool everyRow)
    {
        var common = 0;
        while (common < held.Count && common < target.Count && held[common] == target[common])
        {
            common++;
        }

        if (common == held.Count && common == target.Count && !lastRow.IsEmpty && !(everyRow && heldLogProbs.Any(double.IsNaN)))
        {
            reusedTokens += common;
            return;
        }

        // Decode at least the last token (its row is the next-token distribution). Row k gives entry k of heldLogProbs, so a
        // request that needs every entry restarts at the first unknown one, and at the divergence one token early.
        var start = Math.Min(common, target.Count - 1);
        if (everyRow)
        {
            var missing = heldLogProbs.FindIndex(double.IsNaN);
            if (missing >= 0 && missing < start)
            {
                start = missing;
            }

            if (start == common && start > 0 && !(start == held.Count && !lastRow.IsEmpty))
            {
                start--;
            }
        }

        // Entries below start stay valid while they only involve shared tokens; entry start - 1 scores target[start], which
        // the held last row predicts when target extends what is held.
        var keep = start < common ? start : Math.Max(start - 1, 0);
        heldLogProbs.RemoveRange(keep, heldLogProbs.Count - keep);
        if (start == common && start > 0)
        {
            heldLogProbs.Add(start == held.Count && !lastRow.IsEmpty ? lastRow[target[start]] : double.NaN);
        }

        Truncate(start);
        held.RemoveRange(start, held.Count - start);
        reusedTokens += start;
        var appended = target.Skip(start).ToArray();
        lastRow.Clear();
        Decode(appended, start, everyRow, "scoring", (row, logits) =>
        {
            if (row < appended.Length - 1)
            {
                heldLogProbs.Add(logits[appended[row + 1]] - LogSoftmaxRow.LogSumExp(logits));
            }
            else
            {
                lastRow.Set(logits);
            }
        });
        if (!everyRow)
        {
            heldLogProbs.AddRange(Enumerable.Repeat(double.NaN, appended.Length - 1));
        }

        held.AddRange(appended);
    }

    /// <summary>Scores a continuation after the held context: its first token from the context's last row, the rest decoded and then dropped from the cache.</summary>
    private ContinuationScore ScoreContinuation(int contextLength, IReadOnlyList<int> continuation)
    {
        if (continuation.Count == 0)
        {
            return new ContinuationScore(0, 0, true);
        }

        var logProb = lastRow[continuation[0]];
        var greedy = lastRow.ArgMax == continuation[0];
        if (continuation.Count > 1)
        {
            var appended = continuation.Take(continuation.Count - 1).ToArray();
            Decode(appended, contextLength, everyRow: true, "scoring", (i, logits) =>
            {
                var (max, argMax) = LogSoftmaxRow.MaxAndArgMax(logits);
                logProb += logits[continuation[i + 1]] - LogSoftmaxRow.LogSumExp(logits, max);
                greedy &= argMax == continuation[i + 1];
            });
            Truncate(contextLength);
        }

        return new ContinuationScore(logProb, continuation.Count, greedy);
    }
}
