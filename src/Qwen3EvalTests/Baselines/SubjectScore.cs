namespace Qwen3EvalTests.Baselines;

/// <summary>One subject's measured accuracy, and its reference when one is known.</summary>
/// <param name="Subject">The subject id, e.g. "college_physics".</param>
/// <param name="Accuracy">Measured accuracy in percent.</param>
/// <param name="Count">Questions scored in the subject.</param>
/// <param name="Reference">The subject's reference accuracy in percent (e.g. from a recorded run), or null to compare with the overall baseline.</param>
public sealed record SubjectScore(string Subject, double Accuracy, int Count, double? Reference = null)
{
    /// <summary>Measured minus reference (or minus <paramref name="overall"/> when there is no reference), in points.</summary>
    public double DeviationFrom(double overall) => Accuracy - (Reference ?? overall);
}
