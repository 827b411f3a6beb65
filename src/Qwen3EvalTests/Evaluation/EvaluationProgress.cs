namespace Qwen3EvalTests.Evaluation;

/// <summary>How far a run is: questions scored so far and the subject being scored.</summary>
public sealed record EvaluationProgress(string Benchmark, string Subject, int QuestionsDone, int? QuestionsTotal);
