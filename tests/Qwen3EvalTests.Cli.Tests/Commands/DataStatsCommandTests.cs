using System.Text.Json;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class DataStatsCommandTests
{
    [Fact]
    public async Task PrintsTheSampleCountsAsJson()
    {
        var run = await CliRun.RunAsync("data", "stats", "--json");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        Counts(run.Stdout).Should().BeEquivalentTo(new Dictionary<string, (int, Dictionary<string, long>)>
        {
            ["mmlu"] = (3, new() { ["dev"] = 15, ["val"] = 32, ["test"] = 300 }),
            ["ceval"] = (3, new() { ["dev"] = 15, ["val"] = 50, ["test"] = 454 }),
            ["cmmlu"] = (3, new() { ["dev"] = 15, ["test"] = 410 }),
            ["mmlu5-fixture"] = (2, new() { ["dev"] = 10, ["test"] = 5 }),
        });
    }

    [Fact]
    public async Task WritesTheJsonShapeScriptsDependOn()
    {
        var run = await CliRun.RunAsync("data", "stats", "--json");

        run.Stdout.Should().StartWith("{\"benchmarks\":[{\"name\":\"mmlu\",\"subjects\":3,\"splits\":{\"dev\":15,\"val\":32,\"test\":300}},");
    }

    [Fact]
    public async Task PrintsATableForPeople()
    {
        var run = await CliRun.RunAsync("data", "stats");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^benchmark\s+subjects\s+dev\s+val\s+test");
        lines[3].Should().MatchRegex(@"^cmmlu\s+3\s+15\s+—\s+410");
    }

    [Fact]
    public async Task ReportsAMissingDataFolderAsBadInput()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qwen3eval-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var run = await CliRun.RunAsync("data", "stats", "--data", missing);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().StartWith($"error: {missing}: data folder not found").And.NotContain("   at ");
    }

    [Fact]
    public async Task CountsTheFullDataSetWhenItIsBesideTheCheckout()
    {
        var shared = RepositoryRoot.SharedData;
        if (SkipRequirements.FullData(shared, shared + " (../shared/data relative to the repository root)") is { } reason)
        {
            Assert.Skip(reason);
        }

        var run = await CliRun.RunAsync("data", "stats", "--data", shared, "--json");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        Counts(run.Stdout).Should().BeEquivalentTo(new Dictionary<string, (int, Dictionary<string, long>)>
        {
            ["mmlu"] = (57, new() { ["dev"] = 285, ["val"] = 1531, ["test"] = 14042 }),
            ["ceval"] = (52, new() { ["dev"] = 260, ["val"] = 1346, ["test"] = 12342 }),
            ["cmmlu"] = (67, new() { ["dev"] = 335, ["test"] = 11582 }),
        });
    }

    private static Dictionary<string, (int Subjects, Dictionary<string, long> Splits)> Counts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("benchmarks").EnumerateArray().ToDictionary(
            b => b.GetProperty("name").GetString()!,
            b => (b.GetProperty("subjects").GetInt32(), b.GetProperty("splits").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetInt64())));
    }
}
