namespace Qwen3EvalTests.Statistics;

/// <summary>A confidence interval for a proportion, on the 0-1 scale.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Method">"Wilson" or "Wald (normal)".</param>
public sealed record ProportionInterval(double Lower, double Upper, string Method)
{
    public double HalfWidth => (Upper - Lower) / 2;

    /// <summary>The interval in percentage points, e.g. "[54.1, 58.9] (Wilson 95 %)".</summary>
    public string ToPercentString() => FormattableString.Invariant($"[{Lower * 100:0.00}, {Upper * 100:0.00}] ({Method} 95 %)");
}
