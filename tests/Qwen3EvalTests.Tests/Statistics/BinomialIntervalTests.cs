using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Tests.Statistics;

public class BinomialIntervalTests
{
    [Fact]
    public void StandardErrorOfAHalfOnAHundredQuestionsIsFivePercent() =>
        BinomialInterval.StandardError(0.5, 100).Should().BeApproximately(0.05, 1e-12);

    [Fact]
    public void WaldIntervalIsPlusMinusZTimesStandardError()
    {
        // 0.5 ± 1.959964 × 0.05
        var interval = BinomialInterval.Wald(0.5, 100);
        interval.Lower.Should().BeApproximately(0.402002, 1e-6);
        interval.Upper.Should().BeApproximately(0.597998, 1e-6);
        interval.Method.Should().Be("Wald (normal)");
    }

    [Fact]
    public void WilsonIntervalMatchesHandComputedValues()
    {
        // centre (p + z²/2n)/(1 + z²/n); half z/(1 + z²/n)·sqrt(p(1-p)/n + z²/4n²)
        var half = BinomialInterval.Wilson(0.5, 100);
        half.Lower.Should().BeApproximately(0.403832, 1e-6);
        half.Upper.Should().BeApproximately(0.596168, 1e-6);

        var eightOfTen = BinomialInterval.Wilson(0.8, 10);
        eightOfTen.Lower.Should().BeApproximately(0.490162, 1e-6);
        eightOfTen.Upper.Should().BeApproximately(0.943318, 1e-6);
        eightOfTen.Method.Should().Be("Wilson");
    }

    [Fact]
    public void WilsonIntervalStaysAboveZeroWidthWhenNothingIsRight()
    {
        var none = BinomialInterval.Wilson(0, 10);
        none.Lower.Should().Be(0);
        none.Upper.Should().BeApproximately(0.277533, 1e-6);
    }

    [Fact]
    public void FormatsTheIntervalInPercent() =>
        BinomialInterval.Wilson(0.5, 100).ToPercentString().Should().Be("[40.38, 59.62] (Wilson 95 %)");
}
