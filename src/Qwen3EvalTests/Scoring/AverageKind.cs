namespace Qwen3EvalTests.Scoring;

/// <summary>How per-question results become one benchmark score.</summary>
public enum AverageKind
{
    /// <summary>Correct answers over all questions (subjects weighted by size).</summary>
    Micro,

    /// <summary>The unweighted mean of per-subject accuracies.</summary>
    Macro,
}
