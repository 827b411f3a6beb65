using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Suites;
using Qwen3EvalTests.Tests.Baselines;

namespace Qwen3EvalTests.Tests.Comparison;

public class BaselineComparisonTests
{
    private static Baseline Qwen2SmallMmlu => OfficialBaselines.Load().Find("qwen2-1.5b-base", Benchmark.Mmlu)!;

    [Fact]
    public void KeepsTheSuitePointsWhenTheIntervalIsNarrower()
    {
        // 1.959964 × sqrt(0.56 × 0.44 / 14042) × 100 = 0.821 points < 1.0
        var comparison = BaselineComparison.Compare(56.0, 14042, Qwen2SmallMmlu, new Tolerance(1.0, true));
        comparison.IntervalHalfWidth.Should().BeApproximately(0.821020, 1e-5);
        comparison.Applied.Should().Be(AppliedTolerance.Points);
        comparison.EffectiveTolerance.Should().Be(1.0);
        comparison.Delta.Should().BeApproximately(-0.5, 1e-9);
        comparison.IsWithin.Should().BeTrue();
        comparison.FailureMessage.Should().BeNull();
    }

    [Fact]
    public void RepeatsAreComparedByTheirMeanWithTheirSpreadInTheTolerance()
    {
        // Mean 55.0, sample SD 1.0; spread 1.959964 × 1.0 / sqrt(3) = 1.131586; tolerance 1.0 (points beat the 0.82 half-width) + 1.131586.
        var comparison = BaselineComparison.CompareRepeats([54.0, 55.0, 56.0], 14042, Qwen2SmallMmlu, new Tolerance(1.0, true));

        comparison.Measured.Should().BeApproximately(55.0, 1e-12);
        comparison.Delta.Should().BeApproximately(-1.5, 1e-9);
        comparison.RepeatSpread.Should().BeApproximately(1.131586, 1e-6);
        comparison.EffectiveTolerance.Should().BeApproximately(2.131586, 1e-6);
        comparison.IsWithin.Should().BeTrue();
        BaselineComparison.Compare(55.0, 14042, Qwen2SmallMmlu, new Tolerance(1.0, true)).IsWithin.Should().BeFalse("one run at the same mean is 1.5 points off against ±1");
        comparison.Describe().Should().Contain("the mean of 3 repeats (SD 1.00 points)").And.Contain("plus the repeats' spread 1.13 (1.96·SD/√3)");
    }

    [Fact]
    public void OneRepeatIsAPlainComparison() =>
        BaselineComparison.CompareRepeats([56.0], 14042, Qwen2SmallMmlu, new Tolerance(1.0, true))
            .Should().BeEquivalentTo(BaselineComparison.Compare(56.0, 14042, Qwen2SmallMmlu, new Tolerance(1.0, true)));

    [Fact]
    public void WidensToTheIntervalForSmallSamples()
    {
        // 1.959964 × 0.05 × 100 = 9.80 points > 1.0
        var comparison = BaselineComparison.Compare(50.0, 100, Qwen2SmallMmlu, new Tolerance(1.0, true));
        comparison.Applied.Should().Be(AppliedTolerance.ConfidenceInterval);
        comparison.EffectiveTolerance.Should().BeApproximately(9.799820, 1e-5);
        comparison.IsWithin.Should().BeTrue();
    }

    [Fact]
    public void DoesNotWidenWhenTheSuiteSaysNot()
    {
        var comparison = BaselineComparison.Compare(50.0, 100, Qwen2SmallMmlu, new Tolerance(1.0, false));
        comparison.Applied.Should().Be(AppliedTolerance.Points);
        comparison.IsWithin.Should().BeFalse();
    }

    [Fact]
    public void FailureMessageHasEveryRequiredPart()
    {
        SubjectScore[] subjects =
        [
            new("abstract_algebra", 30.0, 100), new("anatomy", 55.0, 135), new("astronomy", 70.0, 152),
            new("business_ethics", 40.0, 100), new("college_physics", 20.0, 102, Reference: 35.0), new("virology", 45.0, 166),
            new("world_religions", 56.0, 171),
        ];
        var comparison = BaselineComparison.Compare(51.11, 14042, Qwen2SmallMmlu, new Tolerance(1.0, true), subjects);

        comparison.IsWithin.Should().BeFalse();
        comparison.FailureMessage.Should().Contain("not within tolerance of baseline qwen2-1.5b-base/mmlu")
            .And.Contain("measured:  51.11 % on 14042 questions")
            .And.Contain("baseline:  56.50 %")
            .And.Contain("delta:     -5.39 points")
            .And.Contain("tolerance: ±1.00 points, from the suite's 1.00 points (95 % half-width 0.83 is smaller)")
            .And.Contain("95 % interval of the measurement: [50.28, 51.94] (Wilson 95 %)")
            .And.Contain("baseline source: S1 Table 5; S2 Appendix [V-t, V]")
            .And.Contain("subjects that deviate most (top 5):")
            .And.Contain("abstract_algebra: 30.00 % (n=100) vs overall baseline 56.50 %: -26.50")
            .And.Contain("college_physics: 20.00 % (n=102) vs reference 35.00 %: -15.00")
            .And.NotContain("world_religions")
            .And.NotContain("anatomy");
    }
}
