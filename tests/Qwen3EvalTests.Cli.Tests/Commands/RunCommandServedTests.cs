using System.Text.Json.Nodes;
using Qwen3EvalTests.Tests.Served;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary><c>qwen3eval run --engine openai</c>: options checked before anything runs; a run against a served engine records it and resumes from the cache.</summary>
public sealed class RunCommandServedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-served-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ReportsEveryBadServedOptionTogetherBeforeConnecting()
    {
        var unset = $"QWEN3EVAL_TEST_UNSET_{Guid.NewGuid():N}";

        var run = await CliRun.RunAsync("run", "--engine", "openai", "--endpoint", "not a url", "--concurrency", "0", "--api-key-env", unset, "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--endpoint").And.Contain("not a well-formed http or https URL")
            .And.Contain("--concurrency").And.Contain("at least 1")
            .And.Contain(unset);
    }

    [Fact]
    public async Task RefusesServedOptionsWithoutTheOpenAiEngine()
    {
        var run = await CliRun.RunAsync("run", "--endpoint", "http://127.0.0.1:1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--endpoint").And.Contain("--engine openai");
    }

    [Fact]
    public async Task RecordsTheServedEngineInTheManifestAndServesARerunFromTheCache()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        string[] args = ["run", "--engine", "openai", "--endpoint", server.Endpoint.ToString(), "--served-model", server.ServedModel, "--concurrency", "2",
            "--kind", "base", "--benchmark", "mmlu", "--limit", "1", "--out", _folder, "--json"];

        var first = await CliRun.RunAsync(args);
        var scored = server.ScoringRequests.Count;
        var second = await CliRun.RunAsync(args);

        first.ExitCode.Should().Be(0, first.Stderr);
        second.ExitCode.Should().Be(0, second.Stderr);
        scored.Should().BeGreaterThan(0);
        server.ScoringRequests.Count.Should().Be(scored, "the rerun is answered from the request cache");
        var results = Directory.EnumerateFiles(Path.Combine(_folder, "Qwen2-72B-Instruct"), "mmlu-*.json").Single();
        var engine = FindString(JsonNode.Parse(File.ReadAllText(results))!, "engine");
        engine.Should().Be($"openai-compatible server 0.6.3-fake (/v1/completions echo), model {server.ServedModel} [id={server.ServedModel};root={server.ServedModel};owned_by=vllm;max_model_len=4096;version=0.6.3-fake;]");
        JsonNode.Parse(second.Stdout)!.ToJsonString().Should().Contain("\"cacheHits\":");
    }

    private static string? FindString(JsonNode node, string name) => node switch
    {
        JsonObject o => o.Select(p => p.Key == name && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value is null ? null : FindString(p.Value, name)).FirstOrDefault(s => s is not null),
        JsonArray a => a.Select(e => e is null ? null : FindString(e, name)).FirstOrDefault(s => s is not null),
        _ => null,
    };
}
