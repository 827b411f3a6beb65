using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Tests.Statistics;

public class McNemarTestTests
{
    [Fact]
    public void UsesTheExactBinomialTestForFewFlips()
    {
        // n = 7, k = 1: 2 × (C(7,0) + C(7,1)) / 2^7 = 2 × 8/128 = 0.125
        var result = McNemarTest.Run(1, 6);
        result.Method.Should().Be("exact binomial");
        result.Statistic.Should().Be(1);
        result.PValue.Should().BeApproximately(0.125, 1e-12);
    }

    [Fact]
    public void CapsTheExactPValueAtOne()
    {
        // n = 10, k = 5: 2 × 638/1024 > 1
        McNemarTest.Run(5, 5).PValue.Should().Be(1);
    }

    [Fact]
    public void UsesContinuityCorrectedChiSquareForManyFlips()
    {
        // (|10 − 30| − 1)² / 40 = 361/40 = 9.025; P(χ²₁ ≥ 9.025) = erfc(sqrt(4.5125)) = 0.0026631
        var result = McNemarTest.Run(10, 30);
        result.Method.Should().Be("chi-square (continuity corrected)");
        result.Statistic.Should().BeApproximately(9.025, 1e-12);
        result.PValue.Should().BeApproximately(0.0026631, 1e-6);
    }

    [Fact]
    public void ReportsNoDifferenceWithoutFlips()
    {
        var result = McNemarTest.Run(0, 0);
        result.PValue.Should().Be(1);
        result.Method.Should().Be("no discordant pairs");
    }

    [Fact]
    public void ChiSquareSurvivalAtTheFivePercentCriticalValueIsFivePercent() =>
        McNemarTest.ChiSquareOneDofSurvival(3.841459).Should().BeApproximately(0.05, 1e-6);
}
