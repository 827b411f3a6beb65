using System.Text;

namespace Qwen3EvalTests.Comparison;

public sealed partial record BaselineComparison
{
    /// <summary>What the comparison found, written for the person reading CI output.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(IsWithin
            ? $"Score is within tolerance of baseline {BaselineId}."
            : $"Score is not within tolerance of baseline {BaselineId}.");
        text.AppendLine(Repeats is { } repeats
            ? $"  measured:  {F(Measured)} % on {Count} questions, the mean of {repeats.Count} repeats (SD {F(repeats.StandardDeviation)} points)"
            : $"  measured:  {F(Measured)} % on {Count} questions");
        text.AppendLine($"  baseline:  {F(BaselineScore)} %");
        text.AppendLine($"  delta:     {(Delta >= 0 ? "+" : "")}{F(Delta)} points");
        var applied = Applied == AppliedTolerance.Points
            ? $"the suite's {F(TolerancePoints)} points (95 % half-width {F(IntervalHalfWidth)} is smaller)"
            : $"the 95 % half-width {F(IntervalHalfWidth)} (normal approximation), wider than the suite's {F(TolerancePoints)} points";
        if (Repeats is { } spread)
        {
            applied += $", plus the repeats' spread {F(RepeatSpread)} (1.96·SD/√{spread.Count})";
        }

        text.AppendLine($"  tolerance: ±{F(EffectiveTolerance)} points, from {applied}");
        text.AppendLine($"  95 % interval of the measurement: {Interval.ToPercentString()}");
        text.AppendLine($"  baseline source: {BaselineSource}");
        if (MostDeviating.Count == 0)
        {
            text.AppendLine("  subjects: no per-subject scores given");
        }
        else
        {
            text.AppendLine($"  subjects that deviate most (top {MostDeviating.Count}):");
            foreach (var s in MostDeviating)
            {
                var reference = s.Reference is null ? "overall baseline" : "reference";
                var deviation = s.DeviationFrom(BaselineScore);
                text.AppendLine($"    {s.Subject}: {F(s.Accuracy)} % (n={s.Count}) vs {reference} {F(s.Reference ?? BaselineScore)} %: {(deviation >= 0 ? "+" : "")}{F(deviation)}");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The tolerance check in one line, named as the gate names it: "tolerance: 21.00 % outside 30.00 ± 1.00 points of baseline X"
    /// (or "within").
    /// </summary>
    public string CheckLine =>
        $"tolerance: {F(Measured)} % {(IsWithin ? "within" : "outside")} {F(BaselineScore)} ± {F(EffectiveTolerance)} points of baseline {BaselineId}";

    /// <summary>The failure message, or null when within tolerance.</summary>
    public string? FailureMessage => IsWithin ? null : Describe();
}
