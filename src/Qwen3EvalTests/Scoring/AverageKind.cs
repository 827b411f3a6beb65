namespace Qwen3EvalTests.Scoring;

/// <summary>How per-question results become one number: micro (correct / all questions) or macro (mean of per-subject accuracy).</summary>
public enum AverageKind
{
    Micro,
    Macro,
}
