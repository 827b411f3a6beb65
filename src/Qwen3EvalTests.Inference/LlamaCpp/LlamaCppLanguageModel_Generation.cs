using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.LlamaCpp;

public sealed partial class LlamaCppLanguageModel
{
    /// <summary>
    /// Generates after <paramref name="prompt"/> until an end-of-sequence id of genai_config.json, a stop string or
    /// <see cref="GenerationSettings.MaxNewTokens"/>. Greedy takes the argmax of the raw logits; sampling draws from
    /// softmax(logits / temperature) with a generator seeded by <see cref="GenerationSettings.Seed"/> (not GenAI's sampler: sampled
    /// answers differ between engines, greedy ones do not). The text is the folder tokenizer's decoding. The prompt's cached
    /// prefix is reused as in scoring; generated tokens are dropped from the cache afterwards.
    /// </summary>
    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(settings);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (settings.NotHonouredBy(Supported) is [var first, ..])
        {
            throw new EvalInputException(first, field: "generation");
        }

        IReadOnlyList<int> promptTokens = Encode(prompt);
        if (promptTokens.Count == 0)
        {
            promptTokens = [bosTokenId];
        }

        if (promptTokens.Count >= Info.ContextLength)
        {
            promptTokens = promptTokens.Skip(promptTokens.Count - (Info.ContextLength - 1)).ToArray();
        }

        MoveTo(promptTokens, everyRow: false);
        var random = settings.IsGreedy ? null : new Random(settings.Seed);
        var row = lastRow.LogProbabilities();
        var generatedTokens = new List<int>();
        var text = "";
        var position = promptTokens.Count;
        try
        {
            for (var generated = 0; generated < settings.MaxNewTokens && position < Info.ContextLength; generated++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = random is null ? LogSoftmaxRow.ArgMax(row) : Sample(row, settings.Temperature, random);
                if (eosTokenIds.Contains(next))
                {
                    break;
                }

                // Text through the harness's tokenizer, as the genai engine decodes (invalid UTF-8 included).
                generatedTokens.Add(next);
                text = tokenizer.Decode(generatedTokens);
                if (settings.FirstStopIn(text) is { } cut)
                {
                    return text[..cut];
                }

                if (generated + 1 == settings.MaxNewTokens)
                {
                    break;
                }

                double[]? nextRow = null;
                Decode([next], position, everyRow: false, "generation", (_, logits) => nextRow = LogSoftmaxRow.Compute(logits));
                row = nextRow!;
                position++;
            }

            return text;
        }
        finally
        {
            // The cache keeps the prompt only: the next request's shared prefix is the prompt's, not the answer's.
            Truncate(promptTokens.Count);
        }
    }

    /// <summary>One draw from softmax(logProbs / temperature) (log-probabilities are logits up to a constant).</summary>
    private static int Sample(double[] logProbs, double temperature, Random random)
    {
        var max = logProbs.Max();
        var weights = new double[logProbs.Length];
        var total = 0.0;
        for (var i = 0; i < logProbs.Length; i++)
        {
            weights[i] = Math.Exp((logProbs[i] - max) / temperature);
            total += weights[i];
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
