using System.Text.Json.Nodes;
using Qwen3EvalTests.Tests.Served;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>A served engine's answers are checked where they enter: a NaN fails the run with a named fault and is never cached.</summary>
public sealed class EngineAnswerTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        scratch.Dispose();
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.5, "0.5")]
    public async Task AServerAnsweringAnImpossibleLogProbOnceFailsTheRunAndTheNextRunIsCleanFromTheSameCache(double poison, string shown)
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        string[] Args(string output) => ["run", "--engine", "openai", "--endpoint", server.Endpoint.ToString(), "--served-model", server.ServedModel,
            "--kind", "base", "--benchmark", "mmlu", "--limit", "2", "--out", output, "--json"];

        server.PoisonNextScoring(poison);
        var first = await CliRun.RunAsync(Args(scratch["poisoned"]));
        var second = await CliRun.RunAsync(Args(scratch["poisoned"]));
        var clean = await CliRun.RunAsync([.. Args(scratch["clean"]), "--no-cache"]);

        first.ExitCode.Should().Be(QwenEvalCli.ExitFailed, first.Stderr);
        first.Stderr.Should().Contain("the engine failed during scoring").And.Contain("mmlu/").And.Contain(server.ServedModel)
            .And.Contain($"log-probability of {shown}").And.Contain("Nothing of this answer was cached");
        second.ExitCode.Should().Be(0, second.Stderr);
        clean.ExitCode.Should().Be(0, clean.Stderr);
        Scores(second.Stdout).Should().Be(Scores(clean.Stdout));
    }

    private static string Scores(string json)
    {
        var entry = JsonNode.Parse(json)!["results"]!.AsArray()[0]!;
        return $"{entry["questions"]} {entry["correct"]} {entry["accuracy"]}";
    }
}
