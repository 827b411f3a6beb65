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

    private static RunSummary Summary()
    {
        var tally = new AccuracyTally();
        tally.Add(new QuestionOutcome("s", 0, 'A', 'A', [-1, -2, -3, -4], null, 12, 0), "STEM");
        var score = tally.ToScore();
        return new RunSummary(1, 1, 1.0, "micro", score.Micro, score.Macro, 0, 0, score.Subjects, score.Categories, new RunCounters(12, 0, 1, 0.01, 0.02));
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
}
