using System.Diagnostics;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Application.Parity;

/// <summary>
/// One plan through several engines on one model folder, one engine at a time (each loaded, run, disposed; llama-server
/// started before its run and stopped after), every prompt the same text and, through the folder's tokenizer, the same token
/// ids; then <see cref="EngineParity.Compare"/>. Each run's results file lands in &lt;output&gt;/&lt;engine&gt;/.
/// </summary>
public static class EngineParityRunner
{
    /// <summary>Requests in flight to an external server; llama-server (one slot, whose prompt cache a single stream reuses) gets 1.</summary>
    public const int ServedConcurrency = EngineSpec.DefaultConcurrency;

    /// <param name="modelFolder">A GenAI model folder; with llamacpp or llama-server it needs model.gguf.</param>
    /// <param name="engines">The engines, the reference first.</param>
    /// <param name="endpoint">The server of <see cref="EngineKind.OpenAi"/>.</param>
    /// <param name="plan">What every engine runs.</param>
    /// <param name="outputFolder">Where the results files go: &lt;output&gt;/&lt;engine&gt;/ with the plan's results file name.</param>
    /// <param name="kind">The declared model kind, or null.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public static EngineParityReport Run(string modelFolder, IReadOnlyList<EngineKind> engines, Uri? endpoint, EvaluationPlan plan, string outputFolder, ModelKind? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(plan);
        var runs = new List<EngineRun>();
        foreach (var engine in engines)
        {
            using var model = EngineCatalog.Open(SpecOf(engine, modelFolder, endpoint, kind), cancellationToken);
            var path = Path.Combine(outputFolder, engine.ToId(), plan.ResultsFileName);
            var clock = Stopwatch.StartNew();
            var run = new BenchmarkEvaluator(model).Run(plan, path, cancellationToken: cancellationToken);
            clock.Stop();
            runs.Add(new EngineRun(engine.ToId(), model.EngineDescription, run.Summary.Accuracy, run.Outcomes, clock.Elapsed));
        }

        return EngineParity.Compare(runs);
    }

    /// <summary>What each engine of a parity run opens: the model folder on the CPU at batch 1 (the folder tokenizes the served engines).</summary>
    public static EngineSpec SpecOf(EngineKind engine, string modelFolder, Uri? endpoint, ModelKind? kind) =>
        new(engine, modelFolder, engine == EngineKind.OpenAi ? endpoint ?? throw new ArgumentNullException(nameof(endpoint), "the openai engine needs an endpoint.") : null, DeclaredKind: kind);
}
