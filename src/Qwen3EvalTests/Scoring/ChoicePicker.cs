using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Scoring;

/// <summary>Turns one <see cref="LogLikelihoodResult"/> into the chosen option under a <see cref="ChoiceRule"/>.</summary>
public static class ChoicePicker
{
    /// <summary>The score of each continuation under <paramref name="rule"/>; higher is better for every rule.</summary>
    public static double[] Scores(LogLikelihoodResult result, ChoiceRule rule)
    {
        var scores = new double[result.Continuations.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var c = result.Continuations[i];
            scores[i] = rule switch
            {
                ChoiceRule.LogLikelihood => c.LogProb,
                ChoiceRule.TokenNormalised => c.LogProb / Math.Max(1, c.TokenCount),
                ChoiceRule.SequencePerplexity => SequenceScore(result, c),
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
            };
        }

        return scores;
    }

    /// <summary>The index of the best continuation; ties go to the first, as numpy's argmax does.</summary>
    public static int Pick(LogLikelihoodResult result, ChoiceRule rule) => ArgMax(Scores(result, rule));

    public static int ArgMax(IReadOnlyList<double> scores)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("no continuations to choose from", nameof(scores));
        }

        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double SequenceScore(LogLikelihoodResult result, ContinuationScore continuation)
    {
        if (result.ContextLogProb is not { } contextLogProb)
        {
            throw new InvalidOperationException("SequencePerplexity needs the context log-probability: request it with IncludeContextLogProb.");
        }

        // OpenCompass get_ppl (models/huggingface_above_v4_33.py L419-430): the summed loss of the N-1 predicted tokens divided
        // by N, the sequence's token count including the first, unpredicted one.
        var tokens = Math.Max(1, result.ContextTokenCount + continuation.TokenCount);
        return (contextLogProb + continuation.LogProb) / tokens;
    }
}
