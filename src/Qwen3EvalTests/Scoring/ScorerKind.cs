namespace Qwen3EvalTests.Scoring;

/// <summary>How a rendered question is turned into a predicted answer: the one vocabulary of scoring.</summary>
public enum ScorerKind
{
    /// <summary>One forward pass; argmax over the next-token logits of the answer tokens (Qwen's scripts).</summary>
    NextTokenChoice,

    /// <summary>Summed log-likelihood of each continuation given the context (lm-evaluation-harness).</summary>
    ContinuationLogLikelihood,

    /// <summary>Average token loss over the whole sequence context + continuation; lowest wins (OpenCompass ppl).</summary>
    SequencePerplexity,

    /// <summary>Generation, then an answer extractor reads the letter out of the text.</summary>
    GenerateAndExtract,
}

/// <summary>The ids of <see cref="ScorerKind"/> in suites, results files and the command line.</summary>
public static class ScorerKinds
{
    public static IReadOnlyList<ScorerKind> All { get; } = Enum.GetValues<ScorerKind>();

    /// <summary>"next-token", "loglikelihood", "perplexity" or "generation".</summary>
    public static string ToId(this ScorerKind kind) => kind switch
    {
        ScorerKind.NextTokenChoice => "next-token",
        ScorerKind.ContinuationLogLikelihood => "loglikelihood",
        ScorerKind.SequencePerplexity => "perplexity",
        ScorerKind.GenerateAndExtract => "generation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? id, out ScorerKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Expected { get; } = string.Join(", ", All.Select(k => k.ToId()));

    /// <summary>Whether the kind compares log-probabilities of fixed continuations (no text is generated).</summary>
    public static bool ReadsLogLikelihoods(this ScorerKind kind) => kind != ScorerKind.GenerateAndExtract;
}
