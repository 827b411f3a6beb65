using FluentAssertions.Execution;
using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Suites;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Tests.Assertions;

public class ScoreAssertionsTests
{
    private static BaselineComparison Compare(double measured) =>
        BaselineComparison.Compare(measured, 1000, 70.6, "qwen2-1.5b-base/ceval", "S1 Table 5; S2", new Tolerance(1.0, true));

    [Fact]
    public void PassesWithinTolerance()
    {
        var comparison = Compare(72.0);
        72.0.Should().BeWithinToleranceOf(comparison);
    }

    [Fact]
    public void FailsWithTheComparisonsMessageAndReason()
    {
        var comparison = Compare(60.0);
        var act = () => 60.0.Should().BeWithinToleranceOf(comparison, "C-Eval {0} reproduces", "{usually}");
        act.Should().Throw<Exception>()
            .WithMessage("tolerance: 60.00 % outside 70.60 ± 3.04 points of baseline qwen2-1.5b-base/ceval\nScore is not within tolerance of baseline qwen2-1.5b-base/ceval because C-Eval {usually} reproduces.*" +
                "measured:  60.00 % on 1000 questions*tolerance: ±3.04 points, from the 95 % half-width*baseline source: S1 Table 5; S2*");
    }

    [Fact]
    public void FailsWhenTheValueIsNotTheOneCompared()
    {
        var act = () => 71.0.Should().BeWithinToleranceOf(Compare(70.0));
        act.Should().Throw<Exception>().WithMessage("*measured score 71 to be the one compared (70)*");
    }

    [Fact]
    public void CollectsFailuresInsideAnAssertionScope()
    {
        var act = () =>
        {
            using var scope = new AssertionScope();
            60.0.Should().BeWithinToleranceOf(Compare(60.0));
            50.0.Should().BeWithinToleranceOf(Compare(50.0));
        };
        act.Should().Throw<Exception>().WithMessage("*measured:  60.00 %*measured:  50.00 %*");
    }
}
