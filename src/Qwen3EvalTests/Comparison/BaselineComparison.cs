using System.Globalization;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Comparison;

/// <summary>
/// A measured accuracy set against its baseline. The effective tolerance is the suite's points, or, when the
/// suite widens to the interval, max(points, 1.96·sqrt(p(1−p)/n) in points) — the normal (Wald) half-width;
/// the interval shown to people is the Wilson score interval. For repeated sampled runs the measurement is the
/// repeats' mean, and their spread, 1.96·SD/√N (the 95 % half-width of that mean), is added to the tolerance.
/// </summary>
public sealed partial record BaselineComparison(
    double Measured,
    int Count,
    double BaselineScore,
    string BaselineId,
    string BaselineSource,
    double Delta,
    double TolerancePoints,
    double IntervalHalfWidth,
    double EffectiveTolerance,
    AppliedTolerance Applied,
    ProportionInterval Interval,
    bool IsWithin,
    IReadOnlyList<SubjectScore> MostDeviating,
    MeanAndDeviation? Repeats = null,
    double RepeatSpread = 0)
{
    /// <summary>How many deviating subjects the failure message lists.</summary>
    public const int SubjectsShown = 5;

    /// <summary>Compares with a published baseline.</summary>
    public static BaselineComparison Compare(
        double measuredPercent, int count, Baseline baseline, Tolerance tolerance, IReadOnlyList<SubjectScore>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Compare(measuredPercent, count, baseline.Score, baseline.Id, $"{baseline.Source} [{baseline.Status}]", tolerance, subjects);
    }

    /// <summary>
    /// Compares the mean of repeated runs (each accuracy in percent, on <paramref name="count"/> questions each) with a
    /// published baseline, the repeats' spread added to the tolerance.
    /// </summary>
    public static BaselineComparison CompareRepeats(
        IReadOnlyList<double> repeatPercents, int count, Baseline baseline, Tolerance tolerance, IReadOnlyList<SubjectScore>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return CompareRepeats(repeatPercents, count, baseline.Score, baseline.Id, $"{baseline.Source} [{baseline.Status}]", tolerance, subjects);
    }

    /// <summary>Compares the mean of repeated runs with any reference score, the repeats' spread added to the tolerance.</summary>
    public static BaselineComparison CompareRepeats(
        IReadOnlyList<double> repeatPercents,
        int count,
        double baselineScore,
        string baselineId,
        string baselineSource,
        Tolerance tolerance,
        IReadOnlyList<SubjectScore>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(repeatPercents);
        var repeats = MeanAndDeviation.Of(repeatPercents);
        var single = Compare(repeats.Mean, count, baselineScore, baselineId, baselineSource, tolerance, subjects);
        if (repeats.Count == 1)
        {
            return single;
        }

        var spread = BinomialInterval.Z95 * repeats.StandardDeviation / Math.Sqrt(repeats.Count);
        var effective = single.EffectiveTolerance + spread;
        return single with
        {
            EffectiveTolerance = effective,
            IsWithin = Math.Abs(single.Delta) <= effective + 1e-9,
            Repeats = repeats,
            RepeatSpread = spread,
        };
    }

    /// <summary>Compares with any reference score (for example a recorded run).</summary>
    public static BaselineComparison Compare(
        double measuredPercent,
        int count,
        double baselineScore,
        string baselineId,
        string baselineSource,
        Tolerance tolerance,
        IReadOnlyList<SubjectScore>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (measuredPercent is < 0 or > 100 || double.IsNaN(measuredPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(measuredPercent), measuredPercent, "an accuracy in percent");
        }

        var p = measuredPercent / 100;
        var halfWidth = BinomialInterval.Z95 * BinomialInterval.StandardError(p, count) * 100;
        var widen = tolerance.WidenToInterval && halfWidth > tolerance.Points;
        var effective = widen ? halfWidth : tolerance.Points;
        var delta = measuredPercent - baselineScore;
        var most = (subjects ?? [])
            .OrderByDescending(s => Math.Abs(s.DeviationFrom(baselineScore)))
            .ThenBy(s => s.Subject, StringComparer.Ordinal)
            .Take(SubjectsShown)
            .ToList();
        return new BaselineComparison(
            measuredPercent,
            count,
            baselineScore,
            baselineId,
            baselineSource,
            delta,
            tolerance.Points,
            halfWidth,
            effective,
            widen ? AppliedTolerance.ConfidenceInterval : AppliedTolerance.Points,
            BinomialInterval.Wilson(p, count),
            Math.Abs(delta) <= effective + 1e-9,
            most);
    }

    private static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
}
