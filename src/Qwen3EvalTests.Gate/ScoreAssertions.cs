using FluentAssertions.Execution;
using FluentAssertions.Numeric;
using FluentAssertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// FluentAssertions for benchmark scores: <c>measured.Should().BeWithinToleranceOf(comparison)</c>.
/// Shared by every test project through a linked source file (tests/Shared).
/// </summary>
public static class ScoreAssertions
{
    /// <summary>Asserts that the measured score is within the comparison's effective tolerance of its baseline.</summary>
    public static AndConstraint<NumericAssertions<double>> BeWithinToleranceOf(
        this NumericAssertions<double> assertions, BaselineComparison comparison, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(comparison);
        var measured = assertions.Subject ?? double.NaN;
        var sameScore = Math.Abs(measured - comparison.Measured) < 1e-9;
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(sameScore)
            .FailWith(AssertionMessageText.Literal(FormattableString.Invariant($"Expected the measured score {measured} to be the one compared ({comparison.Measured})")) + "{reason}.")
            .Then
            .ForCondition(comparison.IsWithin)
            .FailWith(AssertionMessageText.Literal(comparison.CheckLine) + "\n" + WithReason(comparison.Describe()));
        return new AndConstraint<NumericAssertions<double>>(assertions);
    }

    // The reason ("because ...") goes at the end of the headline, before the details.
    private static string WithReason(string description)
    {
        var end = description.IndexOf('\n', StringComparison.Ordinal);
        var headline = (end < 0 ? description : description[..end]).TrimEnd('\r').TrimEnd('.');
        var details = end < 0 ? "" : description[end..];
        return AssertionMessageText.Literal(headline) + "{reason}." + AssertionMessageText.Literal(details);
    }
}
