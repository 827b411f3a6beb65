using System.Text.Json.Nodes;
using Qwen3EvalTests.Cli.Commands;
using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary><c>qwen3eval engines compare</c>: bad options reported together before any engine loads; the JSON report's fields.</summary>
public sealed class EnginesCompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-engines-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReportsEveryBadOptionTogetherBeforeLoading()
    {
        var run = await CliRun.RunAsync("engines", "compare", "--engines", "genai,vllm,genai", "--endpoint", "http://127.0.0.1:1", "--limit", "0", "--out", _folder);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("'vllm' is not an engine; expected genai, llamacpp, openai or llama-server")
            .And.Contain("genai is named twice")
            .And.Contain("--endpoint").And.Contain("applies to the openai engine only")
            .And.Contain("--limit").And.Contain("at least 1");
    }

    [Fact]
    public async Task NeedsTwoEnginesAndAnEndpointForOpenAi()
    {
        var one = await CliRun.RunAsync("engines", "compare", "--engines", "genai", "--out", _folder);
        var openai = await CliRun.RunAsync("engines", "compare", "--engines", "genai,openai", "--out", _folder);

        one.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        one.Stderr.Should().Contain("a comparison needs at least two");
        openai.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        openai.Stderr.Should().Contain("--endpoint").And.Contain("is required with openai in --engines");
    }

    [Fact]
    public async Task PrintsTheParityReportAsJson()
    {
        var model = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var run = await CliRun.RunAsync("engines", "compare", "--model", model, "--engines", "genai,llamacpp", "--benchmark", "ceval", "--limit", "1", "--out", _folder, "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!.AsObject();
        report.Select(p => p.Key).Should().BeEquivalentTo("engines", "questions", "agreement", "maxAbsLogLikelihoodDelta", "mcnemarP", "flips");
        var engines = report["engines"]!.AsArray();
        engines.Select(e => e!["name"]!.GetValue<string>()).Should().Equal("genai", "llamacpp");
        engines.Should().OnlyContain(e => e!.AsObject().Select(p => p.Key).SequenceEqual(new[] { "name", "accuracy", "questionsPerSecond", "settings" }));
        engines[1]!["settings"]!.GetValue<string>().Should().Contain("flash_attn off, kv f32");
        report["questions"]!.GetValue<int>().Should().BeGreaterThan(0);
        report["agreement"]!.GetValue<double>().Should().Be(1.0);
        report["maxAbsLogLikelihoodDelta"]!.GetValue<double>().Should().BeLessThan(1e-3);
        report["flips"]!.AsArray().Should().BeEmpty();
        Directory.EnumerateFiles(Path.Combine(_folder, "engines", "llamacpp"), "ceval-qwen-5shot.json").Should().ContainSingle("each engine's file is named as run names it");
    }
}

/// <summary>The table <c>engines compare</c> prints without --json.</summary>
public sealed class EnginesCompareTableTests
{
    [Fact]
    public void PrintsEachEngineTheSummaryLineAndTheFlips()
    {
        var report = new Qwen3EvalTests.Comparison.EngineParityReport(
            [new("genai", 0.25, 10, "onnxruntime-genai"), new("llamacpp", 0.5, 2.5, "LLamaSharp; flash_attn off")],
            4,
            0.75,
            2.5e-6,
            0.5,
            [new("llamacpp", "anatomy", 3, "B", "A", "B")]);
        using var output = new StringWriter();

        EnginesCompareCommand.Write(output, report);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines[1].Should().Be("genai             25.00%    10.00  onnxruntime-genai");
        lines[2].Should().Be("llamacpp          50.00%     2.50  LLamaSharp; flash_attn off");
        lines[3].Should().Be("4 questions; agreement 75.00%; max |Δ log-likelihood| 2.50E-006; McNemar p 0.5; 1 flips");
        lines[4].Should().Be("  llamacpp: anatomy #3 answer B, reference A, llamacpp B");
    }
}
