using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Tests.Comparison;

public class AnswerDriftTests
{
    [Fact]
    public void TheCheckLineNamesTheDriftCheckWithTheFlipsAndMcNemarsP()
    {
        RecordedAnswer[] recorded = [new("s", 0, "A", "A"), new("s", 1, "B", "A"), new("s", 2, "C", "C"), new("s", 3, "D", "D")];
        RecordedAnswer[] current = [new("s", 0, "A", "B"), new("s", 1, "B", "A"), new("s", 2, "C", "D"), new("s", 3, "D", "D")];

        // Two right→wrong, none wrong→right: exact McNemar p = 2 · 0.5² = 0.5.
        AnswerDrift.Between(recorded, current).CheckLine.Should().Be("drift: 2 of 4 answers flipped, McNemar p = 0.5");
    }

    [Fact]
    public void TheCheckLineCountsQuestionsOneRunLacks()
    {
        RecordedAnswer[] recorded = [new("s", 0, "A", "A"), new("s", 1, "B", "B")];
        RecordedAnswer[] current = [new("s", 0, "A", "A"), new("t", 0, "C", "C")];

        AnswerDrift.Between(recorded, current).CheckLine.Should().Be("drift: 0 of 1 answers flipped, 1 recorded questions not run, 1 questions not in the recording, McNemar p = 1");
    }

    [Fact]
    public void TheCheckLineOfIdenticalRunsSaysNoneFlipped()
    {
        RecordedAnswer[] answers = [new("s", 0, "A", "A"), new("s", 1, "B", "C")];

        AnswerDrift.Between(answers, answers).CheckLine.Should().Be("drift: none of 2 answers flipped");
    }
}
