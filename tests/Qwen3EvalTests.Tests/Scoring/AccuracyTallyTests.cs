using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Scoring;

public class AccuracyTallyTests
{
    private static QuestionOutcome Outcome(string subject, int index, char answer, char? predicted) =>
        new(subject, index, answer, predicted, [], null, 10, 0);

    [Fact]
    public void MicroWeighsQuestionsAndMacroWeighsSubjects()
    {
        var tally = new AccuracyTally();
        // Subject a: 1 of 1 correct. Subject b: 1 of 3 correct.
        tally.Add(Outcome("a", 0, 'A', 'A'), "STEM");
        tally.Add(Outcome("b", 0, 'A', 'A'), "Other");
        tally.Add(Outcome("b", 1, 'B', 'C'), "Other");
        tally.Add(Outcome("b", 2, 'C', null), "Other");

        var score = tally.ToScore();

        score.Micro.Correct.Should().Be(2);
        score.Micro.Total.Should().Be(4);
        score.Micro.Value.Should().Be(0.5);
        score.Macro.Should().BeApproximately((1.0 + 1.0 / 3) / 2, 1e-12);
        score.Headline(AverageKind.Micro).Should().Be(0.5);
        score.Headline(AverageKind.Macro).Should().BeApproximately(2.0 / 3, 1e-12);
        score.Subjects.Select(s => s.Subject).Should().Equal("a", "b");
        score.Subjects[1].Unparsable.Should().Be(1);
        score.Categories.Select(c => c.Category).Should().Equal("Other", "STEM");
    }

    [Fact]
    public void AccuracyCarriesTheBinomialStandardErrorAndAnIntervalAroundIt()
    {
        var accuracy = Accuracy.Of(30, 100);
        accuracy.Value.Should().Be(0.3);
        accuracy.StandardError.Should().BeApproximately(Math.Sqrt(0.3 * 0.7 / 100), 1e-12);
        accuracy.Low95.Should().BeLessThan(0.3);
        accuracy.High95.Should().BeGreaterThan(0.3);
    }
}
