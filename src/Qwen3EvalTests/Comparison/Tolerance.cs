namespace Qwen3EvalTests.Comparison;

/// <summary>How far a measurement may be from its baseline.</summary>
/// <param name="Points">Allowed distance in percentage points.</param>
/// <param name="WidenToInterval">Widen to the measurement's 95 % half-width when that is larger (small n, --limit runs).</param>
public sealed record Tolerance(double Points, bool WidenToInterval);

/// <summary>Which bound decided a comparison's tolerance.</summary>
public enum AppliedTolerance
{
    /// <summary>The suite's fixed points.</summary>
    Points,

    /// <summary>The measurement's 95 % half-width (normal approximation), because it was larger.</summary>
    ConfidenceInterval,
}
