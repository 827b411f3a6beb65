namespace Qwen3EvalTests.Scoring;

/// <summary>
/// A benchmark's accuracy every way the reference evaluations average it. Which one is the
/// headline number belongs to the prompt protocol (<see cref="Headline"/>).
/// </summary>
/// <param name="Micro">Correct over all questions (weighted by subject size).</param>
/// <param name="Macro">Unweighted mean of per-subject accuracy.</param>
/// <param name="Subjects">Per subject, in evaluation order.</param>
/// <param name="Categories">Per category, by name.</param>
public sealed record BenchmarkScore(Accuracy Micro, double Macro, IReadOnlyList<SubjectScore> Subjects, IReadOnlyList<CategoryScore> Categories)
{
    public double Headline(AverageKind average) => average == AverageKind.Macro ? Macro : Micro.Value;
}

/// <summary>One subject's accuracy.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Category">Its main category (from the shipped mappings).</param>
/// <param name="Accuracy">Correct over total, with its interval.</param>
/// <param name="Unparsable">Generated answers no extraction rule could read (counted wrong).</param>
/// <param name="Truncated">Questions whose prompt was left-truncated to fit.</param>
public sealed record SubjectScore(string Subject, string Category, Accuracy Accuracy, int Unparsable, int Truncated);

/// <summary>A category's accuracy: micro over its questions and macro over its subjects.</summary>
public sealed record CategoryScore(string Category, int Subjects, Accuracy Micro, double Macro);
