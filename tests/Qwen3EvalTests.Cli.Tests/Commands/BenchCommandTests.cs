using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    private static readonly string[] RunFields = ["name", "prefilledTokens", "minimumTokens", "forwardSeconds", "harnessSeconds", "questionsPerSecond", "peakRssBytes", "rss"];

    private static readonly string[] RatioFields = ["reuseOverNaive", "harnessOverEngine", "engineOverFloor", "prefilledOverMinimum"];

    [Fact]
    public async Task JsonHasTheDocumentedShapeAndItsRunsAndRatiosAgree()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("questions", "intraOpThreads", "intraOpSpinning", "runs", "ratios");
        var questions = root.GetProperty("questions").GetInt32();
        questions.Should().BePositive();
        root.GetProperty("intraOpThreads").GetInt32().Should().Be(Environment.ProcessorCount, "the tiny model's genai_config.json sets no thread count");
        root.GetProperty("intraOpSpinning").GetBoolean().Should().BeFalse("nor a spinning policy");
        var runs = root.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        runs.Keys.Should().Equal("naive", "reuse", "floor");
        foreach (var entry in runs.Values)
        {
            entry.EnumerateObject().Select(p => p.Name).Should().Equal(RunFields);
            entry.GetProperty("peakRssBytes").GetInt64().Should().BePositive();
            entry.GetProperty("questionsPerSecond").GetDouble().Should().BePositive();
        }

        foreach (var name in new[] { "naive", "reuse" })
        {
            var rss = runs[name].GetProperty("rss").EnumerateArray().ToList();
            rss.Should().ContainSingle("under 1,000 questions the only sample is the end's");
            rss[0].GetProperty("questions").GetInt32().Should().Be(questions);
            rss[0].GetProperty("rssBytes").GetInt64().Should().BePositive();
        }

        runs["floor"].GetProperty("rss").GetArrayLength().Should().Be(0, "the floor replays forward calls, not questions");

        long Prefilled(string name) => runs[name].GetProperty("prefilledTokens").GetInt64();
        double Seconds(string name, string field) => runs[name].GetProperty(field).GetDouble();
        var minimum = runs["reuse"].GetProperty("minimumTokens").GetInt64();
        Prefilled("naive").Should().BeGreaterThan(Prefilled("reuse"), "5-shot prompts of one subject share their prefix");
        Prefilled("floor").Should().Be(Prefilled("reuse"), "the floor replays the reuse run's forward calls");
        Prefilled("reuse").Should().BeGreaterThanOrEqualTo(minimum);
        runs.Values.Select(r => r.GetProperty("minimumTokens").GetInt64()).Should().AllBeEquivalentTo(minimum);

        var ratios = root.GetProperty("ratios");
        ratios.EnumerateObject().Select(p => p.Name).Should().Equal(RatioFields, "RSS growth needs a run of at least 1,000 questions");
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

    [Fact]
    public async Task AThreadCountBelowOneIsRefusedNamingTheOption()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--threads", "0");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--threads must be at least 1 (got 0)");
    }

    [Fact]
    public async Task TheFloorRunsWithTheThreadCountAskedFor()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--runs", "reuse,floor", "--threads", "1", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        document.RootElement.GetProperty("intraOpThreads").GetInt32().Should().Be(1);
    }
}
