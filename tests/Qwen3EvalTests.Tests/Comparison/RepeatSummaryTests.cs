using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests.Results;

namespace Qwen3EvalTests.Tests.Comparison;

public sealed class RepeatSummaryTests
{
    private static ResultsFile Run(string predictedFirst, RunGeneration? generation = null)
    {
        var header = HandBuiltResults.Header();
        header = header with { Settings = header.Settings with { Generation = generation } };
        return HandBuiltResults.File(header, ("algebra", "A", predictedFirst), ("algebra", "B", "B"), ("law", "C", "D"), ("law", "D", "D"));
    }

    [Fact]
    public void ReportsEachRepeatsScoreWithMeanAndSampleDeviation()
    {
        var summary = RepeatSummary.Of([Run("A"), Run("B"), Run("A")]);

        summary.Scores.Should().Equal(0.75, 0.5, 0.75);
        summary.Statistics.Mean.Should().BeApproximately(2 / 3.0, 1e-12);
        summary.Statistics.StandardDeviation.Should().BeApproximately(Math.Sqrt((2 * Math.Pow(0.75 - 2 / 3.0, 2) + Math.Pow(0.5 - 2 / 3.0, 2)) / 2), 1e-12);
    }

    [Fact]
    public void IdenticalGreedyRepeatsPassTheDeterminismCheck()
    {
        var summary = RepeatSummary.Of([Run("A"), Run("A")]);

        summary.ExpectDeterministic.Should().BeTrue();
        summary.ChangedQuestions.Should().BeEmpty();
        summary.DeterminismHolds.Should().BeTrue();
        summary.Describe().Should().Contain("no answer changed");
    }

    [Fact]
    public void AGreedyAnswerThatChangesFailsTheDeterminismCheckNamingTheQuestion()
    {
        var summary = RepeatSummary.Of([Run("A"), Run("A"), Run("C")]);

        summary.ChangedQuestions.Should().Equal("algebra#0");
        summary.DeterminismHolds.Should().BeFalse();
        summary.Describe().Should().Contain("FAILED").And.Contain("algebra#0");
    }

    [Fact]
    public void SampledGenerationMayVaryWithoutFailingTheCheck()
    {
        var sampled = new RunGeneration(32, 0.7, 1, []);

        var summary = RepeatSummary.Of([Run("A", sampled), Run("C", sampled with { Seed = 2 })]);

        summary.ExpectDeterministic.Should().BeFalse();
        summary.DeterminismHolds.Should().BeTrue();
        summary.ChangedQuestions.Should().ContainSingle();
    }
}
