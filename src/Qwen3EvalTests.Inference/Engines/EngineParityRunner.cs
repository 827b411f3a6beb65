using System.Diagnostics;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.LlamaCpp;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Engines;

/// <summary>
/// One plan through several engines on one model folder, one engine at a time (each loaded, run, disposed; llama-server
/// started before its run and stopped after), every prompt the same text and, through the folder's tokenizer, the same token
/// ids; then <see cref="EngineParity.Compare"/>. Each run's results file lands in &lt;output&gt;/&lt;engine&gt;/.
/// </summary>
public static class EngineParityRunner
{
    /// <summary>Requests in flight to an external server; llama-server (one slot, whose prompt cache a single stream reuses) gets 1.</summary>
    public const int ServedConcurrency = 4;

    /// <param name="modelFolder">A GenAI model folder; with llamacpp or llama-server it needs model.gguf.</param>
    /// <param name="engines">The engines, the reference first.</param>
    /// <param name="endpoint">The server of <see cref="ParityEngine.OpenAi"/>.</param>
    /// <param name="plan">What every engine runs.</param>
    /// <param name="outputFolder">Where the results files go.</param>
    /// <param name="kind">The declared model kind, or null.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public static EngineParityReport Run(string modelFolder, IReadOnlyList<ParityEngine> engines, Uri? endpoint, EvaluationPlan plan, string outputFolder, ModelKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(plan);
        var runs = new List<EngineRun>();
        foreach (var engine in engines)
        {
            using var server = engine == ParityEngine.LlamaServer ? LlamaServerProcess.Start(LlamaServerProcess.BinaryPath, Path.Combine(Path.GetFullPath(modelFolder), LlamaCppLanguageModel.GgufFileName)) : null;
            var (model, settings) = Open(engine, modelFolder, server?.Endpoint ?? endpoint, kind, cancellationToken);
            using (model)
            {
                var path = Path.Combine(outputFolder, engine.ToId(), $"{plan.Benchmark.ToId()}-{plan.Protocol.Name}.json");
                var clock = Stopwatch.StartNew();
                var run = new BenchmarkEvaluator(model, settings).Run(plan, path, cancellationToken: cancellationToken);
                clock.Stop();
                runs.Add(new EngineRun(engine.ToId(), settings, run.Summary.Accuracy, run.Outcomes, clock.Elapsed));
            }
        }

        return EngineParity.Compare(runs);
    }

    private static (ILanguageModel Model, string Settings) Open(ParityEngine engine, string modelFolder, Uri? endpoint, ModelKind? kind, CancellationToken cancellationToken)
    {
        switch (engine)
        {
            case ParityEngine.GenAi:
                return (GenAiLanguageModel.Load(modelFolder, new GenAiModelOptions("cpu", 1, kind)), GenAiLanguageModel.EngineDescription + " (cpu, batch 1, prefix reuse)");
            case ParityEngine.LlamaCpp:
                var llama = LlamaCppLanguageModel.Load(modelFolder, kind);
                return (llama, llama.EngineDescription);
            default:
                var local = GenAiLanguageModel.Load(modelFolder, new GenAiModelOptions("cpu", 1, kind));
                var concurrency = engine == ParityEngine.LlamaServer ? 1 : ServedConcurrency;
                var served = ServedLanguageModel.Connect(
                    new ServedEngineOptions(endpoint ?? throw new ArgumentNullException(nameof(endpoint), "the openai engine needs an endpoint."), Concurrency: concurrency),
                    local,
                    kind,
                    ownsLocalTokenizer: true,
                    cancellationToken: cancellationToken);
                var settings = engine == ParityEngine.LlamaServer ? $"{served.EngineDescription}; started with {LlamaServerProcess.Settings}" : served.EngineDescription;
                return (served, settings);
        }
    }
}
