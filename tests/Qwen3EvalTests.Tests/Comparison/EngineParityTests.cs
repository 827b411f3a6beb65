using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Comparison;

public sealed class EngineParityTests
{
    private static QuestionOutcome Outcome(string subject, int index, char answer, char? predicted, params double[] scores) =>
        new(subject, index, answer, predicted, scores, null, 100, 0);

    private static EngineRun Run(string name, double seconds, params QuestionOutcome[] outcomes) =>
        new(name, $"{name} settings", outcomes.Count(o => o.Correct) / (double)outcomes.Length, outcomes, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void IdenticalAnswersAgreeFullyWithTheLargestLogLikelihoodDifference()
    {
        var reference = Run("genai", 2, Outcome("a", 0, 'A', 'A', -1.0, -2.0), Outcome("a", 1, 'B', 'C', -3.0, -0.5));
        var other = Run("llamacpp", 4, Outcome("a", 0, 'A', 'A', -1.0004, -2.0), Outcome("a", 1, 'B', 'C', -3.0, -0.5001));

        var report = EngineParity.Compare([reference, other]);

        report.Questions.Should().Be(2);
        report.Agreement.Should().Be(1.0);
        report.Flips.Should().BeEmpty();
        report.McnemarP.Should().Be(1.0, "no question changes correctness");
        report.MaxAbsLogLikelihoodDelta!.Value.Should().BeApproximately(0.0004, 1e-12);
        report.Engines.Select(e => (e.Name, e.QuestionsPerSecond, e.Settings)).Should().Equal(("genai", 1.0, "genai settings"), ("llamacpp", 0.5, "llamacpp settings"));
        report.Engines.Select(e => e.Accuracy).Should().Equal(0.5, 0.5);
    }

    [Fact]
    public void FlipsAreListedAgainstTheReferenceAndMcNemarCountsTheCorrectnessFlips()
    {
        // Three questions the reference gets right and the other gets wrong (b = 3, c = 0): exact two-sided p = 2 · (1/2)³ = 0.25.
        var reference = Run("genai", 1, Outcome("s", 0, 'A', 'A'), Outcome("s", 1, 'B', 'B'), Outcome("s", 2, 'C', 'C'), Outcome("s", 3, 'D', 'A'));
        var other = Run("openai", 1, Outcome("s", 0, 'A', 'B'), Outcome("s", 1, 'B', 'C'), Outcome("s", 2, 'C', 'D'), Outcome("s", 3, 'D', 'A'));
        var third = Run("llamacpp", 1, Outcome("s", 0, 'A', 'A'), Outcome("s", 1, 'B', 'B'), Outcome("s", 2, 'C', 'C'), Outcome("s", 3, 'D', 'B'));

        var report = EngineParity.Compare([reference, other, third]);

        report.Agreement.Should().Be(0.0, "every question has an engine that differs from the reference");
        report.Flips.Should().Equal(
            new EngineFlip("openai", "s", 0, "A", "A", "B"),
            new EngineFlip("openai", "s", 1, "B", "B", "C"),
            new EngineFlip("openai", "s", 2, "C", "C", "D"),
            new EngineFlip("llamacpp", "s", 3, "D", "A", "B"));
        report.McnemarP.Should().BeApproximately(0.25, 1e-12, "the smaller p of openai (b 3, c 0) and llamacpp (no correctness flip: p 1)");
        report.MaxAbsLogLikelihoodDelta.Should().BeNull("generation outcomes carry no log-likelihoods");
    }

    [Fact]
    public void RunsOverDifferentQuestionsOrFewerThanTwoAreRefused()
    {
        var a = Run("genai", 1, Outcome("s", 0, 'A', 'A'));
        var b = Run("llamacpp", 1, Outcome("s", 1, 'A', 'A'));

        var different = () => EngineParity.Compare([a, b]);
        var single = () => EngineParity.Compare([a]);

        different.Should().Throw<ArgumentException>().WithMessage("*llamacpp answered other questions than genai*");
        single.Should().Throw<ArgumentException>().WithMessage("*at least two runs*");
    }
}
