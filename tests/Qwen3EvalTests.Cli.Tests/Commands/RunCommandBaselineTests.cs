using System.Globalization;
using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval run</c> sets each score against the published number of its model: the generated model copied into a
/// folder named as Qwen names the release ("Qwen2-1.5B") is matched with qwen2-1.5b-base's numbers. The expected
/// number is read from baselines/official.json here, the delta recomputed from the run's own accuracy.
/// </summary>
public sealed class RunCommandBaselineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-baseline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AModelTheCatalogueKnowsGetsItsOfficialNumberDeltaAndTolerance()
    {
        var model = CopyOfTinyModelNamed("Qwen2-1.5B");

        var run = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--out", Path.Combine(_folder, "out"), "--no-cache", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var entry = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results")[0];
        var baseline = entry.GetProperty("baseline");
        var published = PublishedScore("qwen2-1.5b-base/mmlu");
        baseline.GetProperty("id").GetString().Should().Be("qwen2-1.5b-base/mmlu");
        baseline.GetProperty("score").GetDouble().Should().Be(published);
        var measured = entry.GetProperty("accuracy").GetDouble() * 100;
        baseline.GetProperty("delta").GetDouble().Should().BeApproximately(measured - published, 1e-9);
        var n = entry.GetProperty("questions").GetInt32();
        var halfWidth = 1.959963984540054 * Math.Sqrt(measured / 100 * (1 - measured / 100) / n) * 100;
        baseline.GetProperty("tolerance").GetDouble().Should().BeApproximately(Math.Max(1.0, halfWidth), 1e-9, "the catalogue's 1.0 points, widened to the 95 % half-width");
        baseline.GetProperty("within").GetBoolean().Should().Be(Math.Abs(measured - published) <= Math.Max(1.0, halfWidth));
        baseline.GetProperty("differences").EnumerateArray().Select(d => d.GetString()).Should().Contain("this run scores a --limit subset");
    }

    [Fact]
    public async Task TheTableSaysTheOfficialNumberOrThatThereIsNone()
    {
        var known = await CliRun.RunAsync("run", "--model", CopyOfTinyModelNamed("Qwen2-1.5B"), "--benchmark", "ceval", "--limit", "1", "--out", Path.Combine(_folder, "a"), "--no-cache");
        var unknown = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--out", Path.Combine(_folder, "b"), "--no-cache");

        known.ExitCode.Should().Be(0, known.Stderr);
        known.Stdout.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"ceval: official qwen2-1.5b-base/ceval {PublishedScore("qwen2-1.5b-base/ceval"):F2} %"));
        unknown.ExitCode.Should().Be(0, unknown.Stderr);
        unknown.Stdout.Should().Contain($"ceval: no published baseline for model '{Path.GetFileName(TinyModel.Folder)}'");
    }

    private string CopyOfTinyModelNamed(string name)
    {
        var target = Path.Combine(_folder, "models", name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(TinyModel.Folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static double PublishedScore(string id)
    {
        var path = Path.Combine(RepositoryRoot.Path, "baselines", "official.json");
        using var catalog = JsonDocument.Parse(File.ReadAllText(path));
        return catalog.RootElement.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id).GetProperty("score").GetDouble();
    }
}
