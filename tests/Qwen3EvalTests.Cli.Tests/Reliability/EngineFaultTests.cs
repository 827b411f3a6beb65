using System.Text.Json;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// An engine that fails mid-run (ONNX Runtime raising on a long prompt): the run stops with one line naming the model
/// folder, the tokens of the request and the engine's message, exit 1; the cache keeps every chunk answered before.
/// </summary>
public sealed class EngineFaultTests : IDisposable
{
    private const int Positions = 512;
    private const int ShortQuestions = 16;
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task AnEngineFaultMidRunIsOneLineAndTheCacheKeepsTheChunksAnsweredBeforeIt()
    {
        var model = FaultyModel.WithRotaryPositions(_scratch, "faulty", Positions);
        var data = DataWithALongQuestionAfterTheFirstChunk();
        var cache = _scratch["cache.sqlite"];
        string[] args = ["run", "--model", model, "--benchmark", "mmlu", "--shots", "0", "--data", data, "--out", _scratch["out"], "--cache", cache, "--json"];

        var run = await CliRun.RunAsync(args);

        run.ShouldFailNaming(QwenEvalCli.ExitFailed, "the engine failed during scoring on mmlu/abstract_algebra question 16 (model", $"(model {model}, request of ", "Gather", "context_length 4096", "(rerun with --verbose for the stack trace)");
        run.StderrWithoutNotes.TrimEnd().Split('\n').Should().ContainSingle("the fault is one line");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty("a stopped run leaves no results file");
        CacheRows.Count(cache).Should().Be(ShortQuestions, "the first chunk of 16 questions was answered before the fault");

        var resumed = await CliRun.RunAsync([.. args, "--limit", $"{ShortQuestions}"]);

        resumed.ExitCode.Should().Be(QwenEvalCli.ExitOk, resumed.Stderr);
        var entry = JsonDocument.Parse(resumed.Stdout).RootElement.GetProperty("results")[0];
        entry.GetProperty("cacheHits").GetInt64().Should().Be(ShortQuestions, "every question answered before the fault is served from the cache");
        entry.GetProperty("questions").GetInt32().Should().Be(ShortQuestions);
    }

    [Fact]
    public async Task AnEngineFaultPrintsTheStackOnlyWithVerbose()
    {
        var model = FaultyModel.WithRotaryPositions(_scratch, "faulty", Positions);
        var data = DataWithALongQuestionAfterTheFirstChunk();

        var run = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--shots", "0", "--data", data, "--out", _scratch["out"], "--no-cache", "--verbose");

        run.ExitCode.Should().Be(QwenEvalCli.ExitFailed, run.Stderr);
        run.StderrWithoutNotes.Should().StartWith($"error: {typeof(EngineFaultException).FullName}: the engine failed during scoring").And.Contain("   at ");
    }

    [Fact]
    public void TheEvaluatorCanNameTheQuestionAFaultHappenedOn()
    {
        var fault = new EngineFaultException("/models/m", "scoring", 5000, "Gather failed\nindex 4096 out of bounds.", "the context length");

        var named = fault.WithQuestion("mmlu/abstract_algebra #16");

        named.Message.Should().Be("the engine failed during scoring on mmlu/abstract_algebra #16 (model /models/m, request of 5000 tokens): Gather failed index 4096 out of bounds; check the context length");
        fault.Message.Should().NotContain("abstract_algebra");
    }

    /// <summary>mmlu with one subject: 16 short questions (one chunk), then one far longer than the faulty model's positions.</summary>
    private string DataWithALongQuestionAfterTheFirstChunk()
    {
        var data = _scratch["data"];
        var rows = Enumerable.Range(0, ShortQuestions).Select(i => $"What is {i} + 1?,{i},{i + 1},{i + 2},{i + 3},B")
            .Append($"{string.Concat(Enumerable.Repeat("Consider this long premise. ", 60))}What follows?,a,b,c,d,A");
        foreach (var split in new[] { "dev", "val", "test" })
        {
            Directory.CreateDirectory(Path.Combine(data, "mmlu", split));
            File.WriteAllLines(Path.Combine(data, "mmlu", split, $"abstract_algebra_{split}.csv"), split == "test" ? rows : rows.Take(5));
        }

        return data;
    }
}
