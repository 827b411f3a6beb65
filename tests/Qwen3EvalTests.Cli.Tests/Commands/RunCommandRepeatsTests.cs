using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

[Collection(TinyRunsCollection.Name)]
public sealed class RunCommandRepeatsTests(TinyRunOutputs outputs) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-repeats-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RepeatsWriteOneResultsFileEachAndReportMeanDeviationAndDeterminism()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--repeats", "2", "--json", "--out", _folder);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var entry = json.RootElement.GetProperty("results").EnumerateArray().Single();
        foreach (var name in new[] { "benchmark", "protocol", "model", "questions", "correct", "accuracy", "resultsFile" })
        {
            entry.TryGetProperty(name, out _).Should().BeTrue($"the run --json shape keeps '{name}'");
        }

        var repeats = entry.GetProperty("repeats");
        repeats.GetProperty("count").GetInt32().Should().Be(2);
        repeats.GetProperty("scores").GetArrayLength().Should().Be(2);
        repeats.GetProperty("standardDeviation").GetDouble().Should().Be(0, "log-likelihood scoring on CPU is deterministic");
        repeats.GetProperty("expectDeterministic").GetBoolean().Should().BeTrue();
        repeats.GetProperty("changedQuestions").GetArrayLength().Should().Be(0);
        repeats.GetProperty("resultsFiles").EnumerateArray().Select(f => Path.GetFileName(f.GetString())).Should().Equal("mmlu-qwen-5shot-r1.json", "mmlu-qwen-5shot-r2.json");
    }

    [Fact]
    public void TheTableNamesTheDeterminismCheck()
    {
        var run = outputs.Run;

        run.ExitCode.Should().Be(0, run.Stderr);
        outputs.RepeatFiles.Select(Path.GetFileName).Should().Equal("mmlu-qwen-5shot-r1.json", "mmlu-qwen-5shot-r2.json");
        run.Stdout.Should().Contain("mmlu: 2 repeats:").And.Contain("determinism check: no answer changed between repeats");
    }
}
