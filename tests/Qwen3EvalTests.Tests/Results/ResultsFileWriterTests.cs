using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Results;

public sealed class ResultsFileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-results-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RunHeader Header() => new(
        "tiny", "/models/tiny", "base",
        new RunSettings("mmlu", "qwen", "test", "micro", 5, false, "loglikelihood", null, 2048),
        "/data", "2026-01-01T00:00:00Z",
        new RunEnvironment("0.1.0", null, "linux", "x64", ".NET", "engine", "cpu", new Dictionary<string, string>(), new Dictionary<string, string>()));

    /// <summary>The summary of <paramref name="questions"/> correct answers to subject "s" (a file must agree with its records to be read back).</summary>
    private static RunSummary Summary(int questions = 1)
    {
        var tally = new AccuracyTally();
        for (var i = 0; i < questions; i++)
        {
            tally.Add(new QuestionOutcome("s", i, 'A', 'A', [-1, -2, -3, -4], null, 12, 0), "STEM");
        }

        var score = tally.ToScore();
        return new RunSummary(questions, questions, 1.0, "micro", score.Micro, score.Macro, 0, 0, score.Subjects, score.Categories, new RunCounters(12, 0, 1, 0.01, 0.02));
    }

    [Fact]
    public void WritesAFileThatReadsBackWithEveryQuestion()
    {
        var path = Path.Combine(_folder, "mmlu.json");
        using (var writer = new ResultsFileWriter(path, Header()))
        {
            writer.Write(new QuestionRecord("s", 0, "A", "A", true, [-1, -2, -3, -4], null, 12, 0));
            writer.Complete(Summary());
        }

        var file = ResultsFile.Read(path);
        file.FormatVersion.Should().Be(ResultsFormat.Version);
        file.Run.Settings.Protocol.Should().Be("qwen");
        file.Questions.Should().ContainSingle().Which.LogLikelihoods.Should().Equal(-1, -2, -3, -4);
        file.Summary.Accuracy.Should().Be(1.0);
    }

    [Fact]
    public void QuestionsQueuedFasterThanTheyAreWrittenKeepTheirOrder()
    {
        var path = Path.Combine(_folder, "many.json");
        var count = 3 * ResultsFileWriter.QueuedQuestions + 7;
        using (var writer = new ResultsFileWriter(path, Header()))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Write(new QuestionRecord("s", i, "A", "A", true, [-1, -2, -3, -i], null, 12, 0));
            }

            writer.Complete(Summary(count));
        }

        var file = ResultsFile.Read(path);
        file.Questions.Select(q => q.Index).Should().Equal(Enumerable.Range(0, count));
        file.Questions.Select(q => q.LogLikelihoods![3]).Should().Equal(Enumerable.Range(0, count).Select(i => (double)-i));
    }

    [Fact]
    public void AQuestionTheSerializerRefusesFailsTheRunAtCompleteAndLeavesNoFile()
    {
        // JSON has no NaN: the serializing thread fails, and the scoring thread hears of it when it completes the run.
        var path = Path.Combine(_folder, "nan.json");
        var writer = new ResultsFileWriter(path, Header());
        writer.Write(new QuestionRecord("s", 0, "A", "A", true, [-1, double.NaN, -3, -4], null, 12, 0));
        var completing = () => writer.Complete(Summary());

        completing.Should().Throw<ArgumentException>().WithMessage("*cannot be written as valid JSON*");
        writer.Dispose();
        File.Exists(path).Should().BeFalse();
        Directory.GetFiles(_folder).Should().BeEmpty("the partial file is removed when the run does not complete");
    }

    [Fact]
    public void AWriteAfterTheSerializerFailedThrowsAtOnce()
    {
        var path = Path.Combine(_folder, "nan-then-more.json");
        using var writer = new ResultsFileWriter(path, Header());
        writer.Write(new QuestionRecord("s", 0, "A", "A", true, [double.NaN, -2, -3, -4], null, 12, 0));
        var writing = () =>
        {
            for (var i = 1; i < 100_000; i++)
            {
                writer.Write(new QuestionRecord("s", i, "A", "A", true, [-1, -2, -3, -4], null, 12, 0));
            }
        };

        writing.Should().Throw<ArgumentException>("a later Write throws the serializer's failure instead of queueing behind it");
    }

    [Fact]
    public void AnUnfinishedRunLeavesNoResultsFile()
    {
        var path = Path.Combine(_folder, "partial.json");
        using (var writer = new ResultsFileWriter(path, Header()))
        {
            writer.Write(new QuestionRecord("s", 0, "A", "B", false, [-1, -2, -3, -4], null, 12, 0));
        }

        File.Exists(path).Should().BeFalse();
        Directory.GetFiles(_folder).Should().BeEmpty("the partial file is removed when the run does not complete");
    }

    [Fact]
    public void RefusesAnUnknownFormatVersionNamingTheFile()
    {
        var path = Path.Combine(_folder, "future.json");
        File.WriteAllText(path, """{"formatVersion": 99}""");
        var act = () => ResultsFile.Read(path);
        act.Should().Throw<EvalInputException>().WithMessage($"*{path}*version 99*not supported*");
    }

    [Fact]
    public void TheNextRunRemovesAKilledRunsPartialFileButNotALiveOnes()
    {
        var path = Path.Combine(_folder, "leftover.json");
        var killed = path + ".999999999.partial"; // above any Linux pid_max: no such process
        var live = path + ".1.partial"; // pid 1 always runs
        File.WriteAllText(killed, "{\"formatVersion\":");
        File.WriteAllText(live, "{\"formatVersion\":");

        using (var writer = new ResultsFileWriter(path, Header()))
        {
            writer.Complete(Summary(0));
        }

        File.Exists(killed).Should().BeFalse("a killed run's partial file is removed by the next run");
        File.Exists(live).Should().BeTrue("a running process's partial file is its own");
        File.Exists(path).Should().BeTrue();
    }
}
