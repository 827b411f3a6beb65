namespace Qwen3EvalTests.Statistics;

/// <summary>
/// McNemar's test for two runs over the same questions: only the flips count.
/// Exact two-sided binomial test (p = 1/2) when b + c is below <see cref="ExactBelow"/>,
/// chi-square with Edwards' continuity correction, 1 degree of freedom, otherwise.
/// </summary>
public static class McNemarTest
{
    /// <summary>The exact test is used while b + c is below this.</summary>
    public const int ExactBelow = 25;

    public static McNemarResult Run(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        if (n == 0)
        {
            return new McNemarResult(b, c, 0, 1, "no discordant pairs");
        }

        if (n < ExactBelow)
        {
            var k = Math.Min(b, c);
            var tail = 0.0;
            for (var i = 0; i <= k; i++)
            {
                tail += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
            }

            return new McNemarResult(b, c, k, Math.Min(1, 2 * tail), "exact binomial");
        }

        var d = Math.Abs(b - c) - 1.0;
        var statistic = d * d / n;
        return new McNemarResult(b, c, statistic, ChiSquareOneDofSurvival(statistic), "chi-square (continuity corrected)");
    }

    /// <summary>P(X² ≥ x) for one degree of freedom = erfc(sqrt(x/2)).</summary>
    public static double ChiSquareOneDofSurvival(double x) => x <= 0 ? 1 : Erfc(Math.Sqrt(x / 2));

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }

    // Complementary error function, Chebyshev fit (Numerical Recipes erfcc), fractional error below 1.2e-7.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

/// <summary>The outcome of a McNemar test on paired right/wrong answers.</summary>
/// <param name="B">Questions right in run A and wrong in run B.</param>
/// <param name="C">Questions wrong in run A and right in run B.</param>
/// <param name="Statistic">min(b, c) for the exact test; (|b−c|−1)²/(b+c) for the chi-square test; 0 when b+c = 0.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Method">"exact binomial", "chi-square (continuity corrected)" or "no discordant pairs".</param>
public sealed record McNemarResult(int B, int C, double Statistic, double PValue, string Method);
