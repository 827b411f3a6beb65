using Qwen3EvalTests.Application.Parity;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Tests;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// The engine-parity gate: on the generated model (fp32 export, the same weights in model.onnx and model.gguf) every engine
/// present gives the same answer to every sample question of every benchmark, with log-likelihoods within 1e-3, for the qwen
/// and lm-eval protocols. The llama-server cases skip naming eng/llama-server.sh when its binary is absent.
/// </summary>
public sealed class EngineParityGateTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("qwen3eval-engine-parity-").FullName;

    public static TheoryData<string, string> Cases { get; } = new()
    {
        { "genai,llamacpp", "qwen" },
        { "genai,llamacpp", "lm-eval" },
        { "genai,llamacpp,llama-server", "qwen" },
        { "genai,llamacpp,llama-server", "lm-eval" },
    };

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryEngineGivesTheSameAnswersAndLogLikelihoods(string engineList, string protocol)
    {
        var engines = engineList.Split(',').Select(id => EngineKinds.TryParse(id, out var e) ? e : throw new ArgumentException(id)).ToList();
        if (engines.Contains(EngineKind.LlamaServer) && SkipRequirements.LlamaServer(LlamaServerProcess.BinaryPath) is { } reason)
        {
            Assert.Skip(reason);
        }

        var folder = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), GateSettings.Current.Layout.TinyModelsDir);
        foreach (var benchmark in BenchmarkIds.All)
        {
            var plan = new EvaluationPlan(benchmark, PromptProtocols.Get(protocol), DataFolder.SampleDirectory, Limit: 1);
            var report = EngineParityRunner.Run(folder, engines, null, plan, Path.Combine(_output, benchmark.ToId()), null, TestContext.Current.CancellationToken);

            var flips = string.Join("; ", report.Flips.Select(f => $"{f.Engine} {f.Subject} #{f.Index}: {f.Reference} → {f.Predicted}"));
            report.Engines.Select(e => e.Name).Should().Equal(engines.Select(e => e.ToId()));
            report.Questions.Should().BeGreaterThan(0);
            report.Agreement.Should().Be(1.0, $"{benchmark.ToId()} {protocol}: every engine answers as {engines[0].ToId()} (flips: {flips})");
            report.MaxAbsLogLikelihoodDelta!.Value.Should().BeLessThanOrEqualTo(1e-3, $"{benchmark.ToId()} {protocol}");
        }
    }
}
