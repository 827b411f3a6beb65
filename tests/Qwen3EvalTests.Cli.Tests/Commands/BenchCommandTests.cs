using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    private static readonly string[] RunFields = ["name", "prefilledTokens", "minimumTokens", "forwardSeconds", "harnessSeconds", "questionsPerSecond", "peakRssBytes"];

    private static readonly string[] RatioFields = ["reuseOverNaive", "harnessOverEngine", "engineOverFloor", "prefilledOverMinimum"];

    [Fact]
    public async Task JsonHasTheDocumentedShapeAndItsRunsAndRatiosAgree()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("questions", "runs", "ratios");
        root.GetProperty("questions").GetInt32().Should().BePositive();
        var runs = root.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        runs.Keys.Should().Equal("naive", "reuse", "floor");
        foreach (var entry in runs.Values)
        {
            entry.EnumerateObject().Select(p => p.Name).Should().Equal(RunFields);
            entry.GetProperty("peakRssBytes").GetInt64().Should().BePositive();
            entry.GetProperty("questionsPerSecond").GetDouble().Should().BePositive();
        }

        long Prefilled(string name) => runs[name].GetProperty("prefilledTokens").GetInt64();
        double Seconds(string name, string field) => runs[name].GetProperty(field).GetDouble();
        var minimum = runs["reuse"].GetProperty("minimumTokens").GetInt64();
        Prefilled("naive").Should().BeGreaterThan(Prefilled("reuse"), "5-shot prompts of one subject share their prefix");
        Prefilled("floor").Should().Be(Prefilled("reuse"), "the floor replays the reuse run's forward calls");
        Prefilled("reuse").Should().BeGreaterThanOrEqualTo(minimum);
        runs.Values.Select(r => r.GetProperty("minimumTokens").GetInt64()).Should().AllBeEquivalentTo(minimum);

        var ratios = root.GetProperty("ratios");
        ratios.EnumerateObject().Select(p => p.Name).Should().Equal(RatioFields);
        ratios.GetProperty("reuseOverNaive").GetDouble().Should().BeApproximately((double)Prefilled("reuse") / Prefilled("naive"), 1e-9);
        ratios.GetProperty("prefilledOverMinimum").GetDouble().Should().BeApproximately((double)Prefilled("reuse") / minimum, 1e-9);
        ratios.GetProperty("harnessOverEngine").GetDouble().Should().BeApproximately(Seconds("reuse", "harnessSeconds") / Seconds("reuse", "forwardSeconds"), 1e-9);
        ratios.GetProperty("engineOverFloor").GetDouble().Should().BeApproximately(Seconds("reuse", "forwardSeconds") / Seconds("floor", "forwardSeconds"), 1e-9);
    }

    [Fact]
    public async Task AnEngineOtherThanGenAiIsRefusedWithAMessageSayingItIsNotAvailableYet()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--engines", "genai,llamacpp");

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("llamacpp").And.Contain("not available yet");
    }
}
