namespace Qwen3EvalTests.Statistics;

/// <summary>
/// Standard error and 95 % intervals for an accuracy measured on n questions.
/// The Wilson score interval is the one reported to people (it stays inside 0-1 and behaves at small n);
/// the normal (Wald) half-width 1.96·sqrt(p(1-p)/n) is the one used to widen tolerances (see BaselineComparison).
/// </summary>
public static class BinomialInterval
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>sqrt(p(1-p)/n).</summary>
    public static double StandardError(double p, int n)
    {
        Check(p, n);
        return Math.Sqrt(p * (1 - p) / n);
    }

    /// <summary>The normal (Wald) interval p ± z·SE, clipped to [0, 1].</summary>
    public static ProportionInterval Wald(double p, int n, double z = Z95)
    {
        var half = z * StandardError(p, n);
        return new ProportionInterval(Math.Max(0, p - half), Math.Min(1, p + half), "Wald (normal)");
    }

    /// <summary>The Wilson score interval.</summary>
    public static ProportionInterval Wilson(double p, int n, double z = Z95)
    {
        Check(p, n);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new ProportionInterval(Math.Max(0, centre - half), Math.Min(1, centre + half), "Wilson");
    }

    private static void Check(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a proportion between 0 and 1");
        }
    }
}

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
