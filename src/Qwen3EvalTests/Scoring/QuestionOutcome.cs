namespace Qwen3EvalTests.Scoring;

/// <summary>What happened to one question: the model's choice and the evidence for it.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Index">0-based index within the subject's scored split.</param>
/// <param name="Answer">The reference letter.</param>
/// <param name="Predicted">The chosen letter; null when a generated answer could not be parsed.</param>
/// <param name="Scores">Per option, the score the choice rule compared (log-likelihoods for log-likelihood scoring); empty for generation.</param>
/// <param name="Generated">The generated text (generation scoring), else null.</param>
/// <param name="PromptTokens">Tokens of the prompt as fed (after truncation).</param>
/// <param name="TruncatedTokens">Prompt tokens dropped from the left to fit the context (0 when none).</param>
public sealed record QuestionOutcome(
    string Subject,
    int Index,
    char Answer,
    char? Predicted,
    IReadOnlyList<double> Scores,
    string? Generated,
    int PromptTokens,
    int TruncatedTokens)
{
    /// <summary>For log-likelihood scoring: the ids scored for each option, in option order (the context/continuation split); else null.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? ContinuationTokens { get; init; }

    public bool Correct => Predicted == Answer;

    /// <summary>A generated answer that no extraction rule could read (counted wrong).</summary>
    public bool Unparsable => Predicted is null;
}
