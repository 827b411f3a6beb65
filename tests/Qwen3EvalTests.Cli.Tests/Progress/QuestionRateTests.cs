using Qwen3EvalTests.Cli.Progress;

namespace Qwen3EvalTests.Cli.Tests.Progress;

public sealed class QuestionRateTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void HasNoRateBeforeAQuestionIsDone()
    {
        var rate = new QuestionRate(_clock, TimeSpan.FromSeconds(30));
        rate.Restart();

        rate.PerSecond.Should().BeNull();
        rate.Remaining(100).Should().BeNull();
    }

    [Fact]
    public void TheRateIsOfTheRecentQuestionsNotSinceTheFirst()
    {
        // 10 fast questions in the first 10 s, then 3 every 30 s.
        var rate = new QuestionRate(_clock, TimeSpan.FromSeconds(30));
        rate.Restart();
        _clock.AdvanceSeconds(10);
        rate.Add(10);
        _clock.AdvanceSeconds(30);
        rate.Add(13);
        _clock.AdvanceSeconds(30);
        rate.Add(16);

        rate.PerSecond.Should().BeApproximately(3 / 30.0, 1e-9, "the last 30 s saw 3 questions; since the start it would be 16/70");
        rate.Remaining(100).Should().Be(TimeSpan.FromSeconds(84 / (3 / 30.0)));
    }

    [Fact]
    public void ReportsFurtherApartThanTheWindowStillGiveTheRateOfTheLastInterval()
    {
        var rate = new QuestionRate(_clock, TimeSpan.FromSeconds(30));
        rate.Restart();
        _clock.AdvanceSeconds(100);
        rate.Add(5);
        _clock.AdvanceSeconds(200);
        rate.Add(15);

        rate.PerSecond.Should().BeApproximately(10 / 200.0, 1e-9);
    }

    [Fact]
    public void ARestartForgetsThePreviousTask()
    {
        var rate = new QuestionRate(_clock, TimeSpan.FromSeconds(30));
        rate.Restart();
        _clock.AdvanceSeconds(1);
        rate.Add(100);
        var since = _clock.GetTimestamp();
        _clock.AdvanceSeconds(20);
        rate.Restart(since);
        rate.Add(2);

        rate.PerSecond.Should().BeApproximately(2 / 20.0, 1e-9);
    }
}
