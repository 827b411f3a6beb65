namespace Qwen3EvalTests.Statistics;

/// <summary>Mean and sample standard deviation (n − 1 denominator) of repeated measurements.</summary>
/// <param name="Count">How many values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation; 0 for a single value.</param>
public sealed record MeanAndDeviation(int Count, double Mean, double StandardDeviation)
{
    public static MeanAndDeviation Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("at least one value is needed", nameof(values));
        }

        var mean = list.Average();
        var sd = list.Count == 1 ? 0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return new MeanAndDeviation(list.Count, mean, sd);
    }
}
