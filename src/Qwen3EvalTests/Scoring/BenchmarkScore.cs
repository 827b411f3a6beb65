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
