namespace Qwen3EvalTests.Scoring;

/// <summary>Correct over total, with the binomial standard error and 95 % Wilson interval.</summary>
public sealed record Accuracy(int Correct, int Total, double Value, double StandardError, double Low95, double High95)
{
    public static Accuracy Of(int correct, int total)
    {
        if (total == 0)
        {
            return new Accuracy(0, 0, 0, 0, 0, 1);
        }

        var p = (double)correct / total;
        var se = Math.Sqrt(p * (1 - p) / total);
        var (low, high) = Wilson95(correct, total);
        return new Accuracy(correct, total, p, se, low, high);
    }

    // TODO(merge): replace with Statistics.BinomialInterval once it lands.
    private static (double Low, double High) Wilson95(int correct, int total)
    {
        const double z = 1.959963984540054;
        var p = (double)correct / total;
        var denominator = 1 + (z * z / total);
        var centre = (p + (z * z / (2 * total))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / total) + (z * z / (4.0 * total * total))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
