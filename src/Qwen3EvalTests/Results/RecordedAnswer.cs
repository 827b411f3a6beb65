namespace Qwen3EvalTests.Results;

/// <summary>One question of a recorded run: which answer the model chose.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Index">0-based within the subject's scored split.</param>
/// <param name="Answer">The reference letter.</param>
/// <param name="Predicted">The chosen letter, or null when unparsable.</param>
public sealed record RecordedAnswer(string Subject, int Index, string Answer, string? Predicted)
{
    public bool Correct => Predicted == Answer;
}
