using System.Diagnostics;
using System.Globalization;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// <c>qwen3eval bench</c> for the engines besides GenAI, on the questions the GenAI runs scored: llamacpp in process
/// (run <c>llamacpp</c>), llama-server started for each run with as many slots as requests in flight (runs
/// <c>llama-server-c1</c>, <c>-c2</c>, <c>-c4</c>), and an external server at --endpoint at concurrency 1, 2 and 4 (runs
/// <c>openai-c1</c>, …). Each run loads or starts its own engine; load and start time are not counted. Every run's answers
/// are compared with the GenAI run's (<see cref="EngineParity.Compare"/>).
/// </summary>
public static class EngineBench
{
    /// <summary>Requests in flight in the served runs, one run each.</summary>
    public static IReadOnlyList<int> ServedConcurrencies { get; } = [1, 2, 4];

    /// <summary>The run names of <paramref name="engine"/>: llamacpp, or the served engine's id with -c1, -c2, -c4.</summary>
    public static IReadOnlyList<string> RunNamesOf(EngineKind engine) => engine switch
    {
        EngineKind.LlamaCpp => ["llamacpp"],
        EngineKind.LlamaServer or EngineKind.OpenAi => [.. ServedConcurrencies.Select(n => RunName(engine, n))],
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "GenAI's runs are naive, reuse and floor (GenAiBench)."),
    };

    /// <summary>
    /// Runs every engine of <paramref name="selection"/> with <paramref name="harness"/>, which scores the plan on the model it
    /// is given (the model's engine description is what its results record), reports the questions scored so far to the callback and returns the run.
    /// </summary>
    /// <param name="minimumTokens">The GenAI runs' minimum token count (the same prompts, so the same minimum).</param>
    /// <param name="reference">The GenAI run the answers are compared with.</param>
    public static IReadOnlyList<BenchRun> Run(
        BenchEngineSelection selection,
        string modelFolder,
        long minimumTokens,
        EngineRun reference,
        Func<ILanguageModel, Action<int>, BenchmarkRun> harness,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(harness);
        var runs = new List<BenchRun>();
        foreach (var engine in selection.Others)
        {
            switch (engine)
            {
                case EngineKind.LlamaCpp:
                    runs.Add(LlamaCpp(modelFolder, minimumTokens, reference, harness));
                    break;
                case EngineKind.LlamaServer:
                    runs.AddRange(LlamaServer(selection.LlamaServerBinary, modelFolder, minimumTokens, reference, harness, cancellationToken));
                    break;
                case EngineKind.OpenAi:
                    foreach (var concurrency in ServedConcurrencies)
                    {
                        using var served = EngineCatalog.Open(new EngineSpec(EngineKind.OpenAi, modelFolder, selection.Endpoint, Concurrency: concurrency), cancellationToken);
                        runs.Add(Served(RunName(engine, concurrency), served, server: null, concurrency, minimumTokens, reference, harness));
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(selection), engine, "GenAI's runs are naive, reuse and floor (GenAiBench).");
            }
        }

        return runs;
    }

    private static string RunName(EngineKind engine, int concurrency) => string.Create(CultureInfo.InvariantCulture, $"{engine.ToId()}-c{concurrency}");

    private static BenchRun LlamaCpp(string modelFolder, long minimumTokens, EngineRun reference, Func<ILanguageModel, Action<int>, BenchmarkRun> harness)
    {
        using var model = EngineCatalog.Open(new EngineSpec(EngineKind.LlamaCpp, modelFolder));
        var before = model.Counters;
        var (run, seconds, rss, gc) = Metered(model, harness);
        var counters = model.Counters.Minus(before);
        var forward = counters.ForwardTime.TotalSeconds;
        return Measured("llamacpp", run, counters.PrefilledTokens, minimumTokens, forward, seconds, rss, gc, reference) with { Settings = model.EngineDescription };
    }

    /// <summary>One llama-server per concurrency, started with that many slots; the first (one slot, n_ctx from the GGUF) gives every later slot its context.</summary>
    private static IEnumerable<BenchRun> LlamaServer(string binary, string modelFolder, long minimumTokens, EngineRun reference, Func<ILanguageModel, Action<int>, BenchmarkRun> harness, CancellationToken cancellationToken)
    {
        int? contextPerSlot = null;
        var runs = new List<BenchRun>();
        foreach (var concurrency in ServedConcurrencies)
        {
            var spec = new EngineSpec(EngineKind.LlamaServer, modelFolder, LlamaServerBinary: binary, LlamaServerSlots: concurrency, LlamaServerContextPerSlot: concurrency == 1 ? null : contextPerSlot);
            using var model = EngineCatalog.Open(spec, cancellationToken);
            var server = ((StartedLlamaServerModel)model.Engine).Server;
            using (var probe = new ServerProbe(server.Endpoint))
            {
                var (slots, context) = probe.Props();
                if (slots != concurrency)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"llama-server was started with -np {concurrency} and /props answers total_slots {slots?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {server.OutputTail()}"));
                }

                contextPerSlot ??= context ?? throw new InvalidOperationException($"llama-server's /props answers no default_generation_settings.n_ctx, which the runs with more slots give each slot: {server.OutputTail()}");
                if (context != contextPerSlot)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"llama-server with {concurrency} slots gives each slot n_ctx {context}, not the {contextPerSlot} of one slot, so prompts would be truncated differently: {server.OutputTail()}"));
                }
            }

            runs.Add(Served(RunName(EngineKind.LlamaServer, concurrency), model, server, concurrency, minimumTokens, reference, harness));
        }

        return runs;
    }

    /// <summary>One run on a served model, timed from outside (<see cref="TimedLanguageModel"/>); the model stays open for the caller to dispose.</summary>
    private static BenchRun Served(string name, CheckedLanguageModel served, LlamaServerProcess? server, int concurrency, long minimumTokens, EngineRun reference, Func<ILanguageModel, Action<int>, BenchmarkRun> harness)
    {
        var model = new TimedLanguageModel(served);
        var endpoint = server?.Endpoint ?? ((ServedLanguageModel)served.Engine).Options.Endpoint;
        using var probe = new ServerProbe(endpoint);
        var slots = server?.Slots ?? probe.Props().Slots;
        var processedBefore = probe.PromptTokensProcessed();
        var (run, seconds, rss, gc) = Metered(model, harness);
        var processedAfter = probe.PromptTokensProcessed();
        var prefilled = processedBefore is { } b && processedAfter is { } a ? a - b : (long?)null;
        return Measured(name, run, prefilled, minimumTokens, model.Inside.TotalSeconds, seconds, rss, gc, reference) with
        {
            Settings = served.EngineDescription,
            Slots = slots,
            Concurrency = concurrency,
            ServerPeakRssBytes = ServerProbe.PeakRssOf(server?.ProcessId),
        };
    }

    /// <summary>Runs the harness on <paramref name="model"/> inside the bench's meters: peak RSS reset, RSS samples, GC pauses and the wall clock.</summary>
    private static (BenchmarkRun Run, double Seconds, RssSampler Rss, GcPauseClock Gc) Metered(ILanguageModel model, Func<ILanguageModel, Action<int>, BenchmarkRun> harness)
    {
        ResidentSet.ResetPeak();
        var rss = new RssSampler();
        var gc = GcPauseClock.StartNew();
        var clock = Stopwatch.StartNew();
        var run = harness(model, rss.Scored);
        return (run, clock.Elapsed.TotalSeconds, rss, gc);
    }

    private static BenchRun Measured(string name, BenchmarkRun run, long? prefilled, long minimumTokens, double forwardSeconds, double seconds, RssSampler rss, GcPauseClock gc, EngineRun reference)
    {
        var questions = run.Outcomes.Count;
        var (gcSeconds, gcCollections) = (gc.Seconds, gc.Collections);
        var parity = EngineParity.Compare([reference, new EngineRun(name, "", run.Summary.Accuracy, run.Outcomes, TimeSpan.FromSeconds(seconds))]);
        return new BenchRun(name, prefilled, minimumTokens, forwardSeconds, seconds - forwardSeconds, questions / seconds, ResidentSet.Peak(), rss.Finish(questions))
        {
            Accuracy = run.Summary.Accuracy,
            AnswersDifferentFromGenAi = parity.Flips.Count,
            MaxAbsLogLikelihoodDeltaFromGenAi = parity.MaxAbsLogLikelihoodDelta,
            GcPauseSeconds = gcSeconds,
            GcCollections = gcCollections,
        };
    }
}
