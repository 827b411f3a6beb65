namespace Qwen3EvalTests.Evaluation;

/// <summary>How far a run is: questions scored so far and the subject being scored.</summary>
public sealed record EvaluationProgress(string Benchmark, string Subject, int QuestionsDone, int? QuestionsTotal)
{
    /// <summary>Of the questions done, how many had their prompt cut from the left to fit the model's context.</summary>
    public int Truncated { get; init; }
}
