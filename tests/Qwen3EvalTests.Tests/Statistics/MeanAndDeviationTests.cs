using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Tests.Statistics;

public class MeanAndDeviationTests
{
    [Fact]
    public void ComputesMeanAndSampleStandardDeviation()
    {
        // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/7 = 4.5714; sqrt = 2.13809
        var result = MeanAndDeviation.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        result.Count.Should().Be(8);
        result.Mean.Should().Be(5);
        result.StandardDeviation.Should().BeApproximately(2.138090, 1e-6);
    }

    [Fact]
    public void ASingleRunHasNoDeviation() => MeanAndDeviation.Of([56.5]).StandardDeviation.Should().Be(0);

    [Fact]
    public void RejectsAnEmptyList() => FluentActions.Invoking(() => MeanAndDeviation.Of([])).Should().Throw<ArgumentException>();
}
