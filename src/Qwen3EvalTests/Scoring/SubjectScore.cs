namespace Qwen3EvalTests.Scoring;

/// <summary>One subject's accuracy.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Category">Its main category (from the shipped mappings).</param>
/// <param name="Accuracy">Correct over total, with its interval.</param>
/// <param name="Unparsable">Generated answers no extraction rule could read (counted wrong).</param>
/// <param name="Truncated">Questions whose prompt was left-truncated to fit.</param>
public sealed record SubjectScore(string Subject, string Category, Accuracy Accuracy, int Unparsable, int Truncated);
