namespace Qwen3EvalTests.Comparison;

/// <summary>Which bound decided a comparison's tolerance.</summary>
public enum AppliedTolerance
{
    /// <summary>The suite's fixed points.</summary>
    Points,

    /// <summary>The measurement's 95 % half-width (normal approximation), because it was larger.</summary>
    ConfidenceInterval,
}
