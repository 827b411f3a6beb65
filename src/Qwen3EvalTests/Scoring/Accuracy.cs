using Qwen3EvalTests.Statistics;

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
        var interval = BinomialInterval.Wilson(p, total);
        return new Accuracy(correct, total, p, BinomialInterval.StandardError(p, total), interval.Lower, interval.Upper);
    }
}
