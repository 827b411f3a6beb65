using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Results;

/// <summary>One question as the results file stores it.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Index">0-based within the subject's scored split.</param>
/// <param name="Answer">The reference letter.</param>
/// <param name="Predicted">The chosen letter, or null when a generated answer was unparsable.</param>
/// <param name="Correct">Predicted equals answer.</param>
/// <param name="LogLikelihoods">Per option A–D, the score the choice rule compared (log-likelihood scoring only).</param>
/// <param name="Generated">The generated text (generation scoring only).</param>
/// <param name="PromptTokens">Prompt tokens fed after truncation.</param>
/// <param name="TruncatedTokens">Prompt tokens dropped from the left.</param>
public sealed record QuestionRecord(
    string Subject,
    int Index,
    string Answer,
    string? Predicted,
    bool Correct,
    IReadOnlyList<double>? LogLikelihoods,
    string? Generated,
    int PromptTokens,
    int TruncatedTokens)
{
    /// <summary>
    /// Log-likelihood scoring: the token ids scored for each option A–D after the prompt's tokens, as the protocol's
    /// tokenization split them (qwen <c>[[362],…]</c> for " A"; lm-eval chat <c>[[198,32],…]</c> for "\nA"); null for
    /// generation and in files written before it was recorded.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>>? ContinuationTokens { get; init; }

    public static QuestionRecord Of(QuestionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(
            outcome.Subject,
            outcome.Index,
            outcome.Answer.ToString(),
            outcome.Predicted?.ToString(),
            outcome.Correct,
            outcome.Scores.Count > 0 ? outcome.Scores : null,
            outcome.Generated,
            outcome.PromptTokens,
            outcome.TruncatedTokens)
        {
            ContinuationTokens = outcome.ContinuationTokens,
        };
    }
}
