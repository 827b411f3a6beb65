namespace Qwen3EvalTests.Scoring;

/// <summary>How the four log-likelihoods of a multiple-choice question pick an answer.</summary>
public enum ChoiceRule
{
    /// <summary>Highest summed log-probability of the continuation (lm-eval <c>acc</c>; Qwen's next-token argmax when each continuation is one token).</summary>
    LogLikelihood,

    /// <summary>Highest log-probability per continuation token (length-normalised).</summary>
    TokenNormalised,

    /// <summary>Lowest average token loss over the whole sequence, context included (OpenCompass ppl mode).</summary>
    SequencePerplexity,
}
