using Qwen3EvalTests.Cli.Progress;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Tests.Progress;

public sealed class ProgressLineTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void SaysNothingBeforeTheFirstReport()
    {
        new ProgressLine(_clock, "the model").Describe().Should().BeNull();
    }

    [Fact]
    public void ShowsTheRecentRateAndTheEtaFromIt()
    {
        var line = new ProgressLine(_clock, "the model");
        _clock.AdvanceSeconds(10);
        line.Report(new EvaluationProgress("mmlu", "abstract_algebra", 10, 100));
        _clock.AdvanceSeconds(30);
        line.Report(new EvaluationProgress("mmlu", "abstract_algebra", 13, 100));
        _clock.AdvanceSeconds(30);
        line.Report(new EvaluationProgress("mmlu", "global_facts", 16, 100));

        // 3 questions in the last 30 s: 0.1 q/s, 84 left → 840 s.
        line.Describe().Should().Be("mmlu global_facts 16/100 0.1 q/s ETA 14 m 00 s");
    }

    [Fact]
    public void ARequestUnansweredForSecondsIsShownWaitingForTheServer()
    {
        var line = new ProgressLine(_clock, "the server");
        _clock.AdvanceSeconds(2);
        line.Report(new EvaluationProgress("mmlu", "abstract_algebra", 4, 10));
        _clock.AdvanceSeconds(4);

        line.Describe().Should().Be("mmlu abstract_algebra 4/10 2.0 q/s ETA 3 s", "4 s of silence is an ordinary chunk");

        _clock.AdvanceSeconds(8);

        line.Describe().Should().Be("mmlu abstract_algebra 4/10 2.0 q/s ETA 3 s · waiting 12 s for the server…");
    }

    [Fact]
    public void AFinishedRunIsNotWaiting()
    {
        var line = new ProgressLine(_clock, "the server");
        _clock.AdvanceSeconds(5);
        line.Report(new EvaluationProgress("mmlu", "abstract_algebra", 10, 10));
        _clock.AdvanceSeconds(60);

        line.Describe().Should().NotContain("waiting");
    }

    [Fact]
    public void ANewBenchmarkCountsItsRateFromTheLastReportOfThePrevious()
    {
        var line = new ProgressLine(_clock, "the model");
        _clock.AdvanceSeconds(1);
        line.Report(new EvaluationProgress("mmlu", "a", 100, 100));
        _clock.AdvanceSeconds(10);
        line.Report(new EvaluationProgress("ceval", "b", 5, 50));

        line.Starts(new EvaluationProgress("ceval", "b", 6, 50)).Should().BeFalse();
        line.Describe().Should().Be("ceval b 5/50 0.5 q/s ETA 1 m 30 s");
    }

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(0.2, "1 s")]
    [InlineData(245, "4 m 05 s")]
    [InlineData(7800, "2 h 10 m")]
    public void DurationsAreShortAndReadable(double seconds, string expected)
    {
        ProgressLine.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }
}
