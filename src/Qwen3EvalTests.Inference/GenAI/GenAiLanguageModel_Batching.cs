using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    /// <summary>
    /// Scores full prompts (context ++ continuation) in batches of <see cref="GenAiModelOptions.BatchSize"/>, end-padded with
    /// the pad id, reading each row's own positions; a fresh generator per batch, no prefix reuse. GenAI builds a batch's
    /// attention mask by treating trailing pad ids as padding, so a request with a row that really ends in the pad id
    /// (Qwen's pad is &lt;|endoftext|&gt;) is scored at batch 1 instead; so is everything when the graph returns only the
    /// last position's logits (prune_lm_head), since an end-padded row's last position is padding.
    /// </summary>
    private List<LogLikelihoodResult> ScoreBatched(IReadOnlyList<PreparedRequest> requests, CancellationToken cancellationToken)
    {
        var results = new LogLikelihoodResult?[requests.Count];
        var rows = new List<(int Request, int Continuation, int[] Tokens)>();
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            var endsInPad = request.Context[^1] == folder.PadTokenId || request.Continuations.Any(c => c.Count > 0 && c[^1] == folder.PadTokenId);
            if (endsInPad || folder.Graph.LastPositionLogitsOnly)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[r] = ScoreWithSharedPrefix(request)();
                continue;
            }

            if (request.Continuations.Count == 0 || request.IncludeContextLogProb)
            {
                rows.Add((r, -1, request.Context.ToArray()));
            }

            for (var c = 0; c < request.Continuations.Count; c++)
            {
                rows.Add((r, c, [.. request.Context, .. request.Continuations[c]]));
            }
        }

        var scores = requests.Select(request => new ContinuationScore?[request.Continuations.Count]).ToArray();
        var contextLogProbs = new double?[requests.Count];
        foreach (var batch in rows.Chunk(options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var width = batch.Max(row => row.Tokens.Length);
            var flat = new int[batch.Length * width];
            Array.Fill(flat, folder.PadTokenId);
            for (var b = 0; b < batch.Length; b++)
            {
                batch[b].Tokens.CopyTo(flat, b * width);
            }

            using var generator = NewGenerator(batch.Length, Math.Max(width, 2));
            Forward(generator, flat, batch.Sum(row => row.Tokens.Length));
            using var logits = ReadLogits(generator);
            for (var b = 0; b < batch.Length; b++)
            {
                var (requestIndex, continuationIndex, tokens) = batch[b];
                var contextLength = requests[requestIndex].Context.Count;
                if (continuationIndex < 0 || requests[requestIndex].IncludeContextLogProb && contextLogProbs[requestIndex] is null)
                {
                    var sum = 0.0;
                    for (var position = 0; position < contextLength - 1; position++)
                    {
                        var row = logits.Row(b, position);
                        sum += row[tokens[position + 1]] - LogSoftmaxRow.LogSumExp(row);
                    }

                    contextLogProbs[requestIndex] = sum;
                }

                if (continuationIndex >= 0)
                {
                    var logProb = 0.0;
                    var greedy = true;
                    for (var position = contextLength - 1; position < tokens.Length - 1; position++)
                    {
                        var row = logits.Row(b, position);
                        logProb += row[tokens[position + 1]] - LogSoftmaxRow.LogSumExp(row);
                        greedy &= LogSoftmaxRow.ArgMax(row) == tokens[position + 1];
                    }

                    scores[requestIndex][continuationIndex] = new ContinuationScore(logProb, tokens.Length - contextLength, greedy);
                }
            }
        }

        return requests.Select((request, r) => results[r] ?? new LogLikelihoodResult(
            scores[r].Select(score => score!).ToArray(),
            request.Context.Count,
            request.TruncatedTokens,
            request.IncludeContextLogProb ? contextLogProbs[r] : null)).ToList();
    }
}
