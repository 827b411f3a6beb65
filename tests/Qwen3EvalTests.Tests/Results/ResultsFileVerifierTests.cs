using System.Text.Json;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Tests.Results;

/// <summary>Every reader of a results file (compare, report, the gate summary) reads it through <see cref="ResultsFile.Read"/>, which verifies it.</summary>
public sealed class ResultsFileVerifierTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("qwen3eval-verify-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ResultsFile Sound() => HandBuiltResults.File(
        HandBuiltResults.Header(), ("a", "A", "A"), ("a", "B", "C"), ("b", "C", "C"), ("b", "D", "A"));

    [Fact]
    public void ReadsASoundFile()
    {
        var path = Write(Sound());

        ResultsFile.Read(path).Questions.Should().HaveCount(4);
    }

    [Fact]
    public void RefusesAQuestionRecordedTwice()
    {
        var sound = Sound();
        var path = Write(sound with { Questions = [.. sound.Questions, sound.Questions[0]] });

        Refusal(path).Should().Contain("questions[4] (a #0)").And.Contain("second time");
    }

    [Fact]
    public void RefusesASummaryAccuracyTheRecordsContradict()
    {
        var sound = Sound();
        var path = Write(sound with { Summary = sound.Summary with { Accuracy = 0.99 } });

        Refusal(path).Should().Contain("summary.accuracy").And.Contain("0.99");
    }

    [Fact]
    public void RefusesASummaryCountTheRecordsContradict()
    {
        var sound = Sound();
        var path = Write(sound with { Summary = sound.Summary with { Correct = 4 } });

        Refusal(path).Should().Contain("summary").And.Contain("4 of 4").And.Contain("2 of 4");
    }

    [Fact]
    public void RefusesAPredictedLetterThatIsNotAnOption()
    {
        var sound = Sound();
        var path = Write(sound with { Questions = [sound.Questions[0] with { Predicted = "Z", Correct = false }, .. sound.Questions.Skip(1)] });

        Refusal(path).Should().Contain("questions[0] (a #0)").And.Contain("'Z'");
    }

    [Fact]
    public void RefusesACorrectFlagThatDisagreesWithTheAnswer()
    {
        var sound = Sound();
        var path = Write(sound with { Questions = [sound.Questions[0], sound.Questions[1] with { Correct = true }, .. sound.Questions.Skip(2)] });

        Refusal(path).Should().Contain("questions[1] (a #1)").And.Contain("correct: true");
    }

    private string Refusal(string path)
    {
        var read = () => ResultsFile.Read(path);
        var message = read.Should().Throw<EvalInputException>().Which.Message;
        message.Should().Contain(path);
        return message;
    }

    private string Write(ResultsFile file)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(file, PersistedJson.Default.ResultsFile));
        return path;
    }
}
