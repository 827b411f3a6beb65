using System.Diagnostics;
using System.Globalization;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.LlamaCpp;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Bench;

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
    public static IReadOnlyList<string> RunNamesOf(ParityEngine engine) => engine switch
    {
        ParityEngine.LlamaCpp => ["llamacpp"],
        ParityEngine.LlamaServer or ParityEngine.OpenAi => [.. ServedConcurrencies.Select(n => RunName(engine, n))],
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "GenAI's runs are naive, reuse and floor (GenAiBench)."),
    };

    /// <summary>
    /// Runs every engine of <paramref name="selection"/> with <paramref name="harness"/>, which scores the plan on the model it
    /// is given (recording the engine description it is given), reports the questions scored so far to the callback and returns the run.
    /// </summary>
    /// <param name="minimumTokens">The GenAI runs' minimum token count (the same prompts, so the same minimum).</param>
    /// <param name="reference">The GenAI run the answers are compared with.</param>
    public static IReadOnlyList<BenchRun> Run(
        BenchEngineSelection selection,
        string modelFolder,
        long minimumTokens,
        EngineRun reference,
        Func<ILanguageModel, string, Action<int>, BenchmarkRun> harness,
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
                case ParityEngine.LlamaCpp:
                    runs.Add(LlamaCpp(modelFolder, minimumTokens, reference, harness));
                    break;
                case ParityEngine.LlamaServer:
                    runs.AddRange(LlamaServer(selection.LlamaServerBinary, modelFolder, minimumTokens, reference, harness, cancellationToken));
                    break;
                case ParityEngine.OpenAi:
                    foreach (var concurrency in ServedConcurrencies)
                    {
                        runs.Add(Served(RunName(engine, concurrency), selection.Endpoint!, server: null, concurrency, modelFolder, minimumTokens, reference, harness, cancellationToken));
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(selection), engine, "GenAI's runs are naive, reuse and floor (GenAiBench).");
            }
        }

        return runs;
    }

    private static string RunName(ParityEngine engine, int concurrency) => string.Create(CultureInfo.InvariantCulture, $"{engine.ToId()}-c{concurrency}");

    private static BenchRun LlamaCpp(string modelFolder, long minimumTokens, EngineRun reference, Func<ILanguageModel, string, Action<int>, BenchmarkRun> harness)
    {
        using var model = LlamaCppLanguageModel.Load(modelFolder);
        var before = model.Counters;
        ResidentSet.ResetPeak();
        var rss = new RssSampler();
        var gc = GcPauseClock.StartNew();
        var clock = Stopwatch.StartNew();
        var run = harness(model, model.EngineDescription, rss.Scored);
        var seconds = clock.Elapsed.TotalSeconds;
        var counters = model.Counters.Minus(before);
        var forward = counters.ForwardTime.TotalSeconds;
        return Measured("llamacpp", run, counters.PrefilledTokens, minimumTokens, forward, seconds, rss, gc, reference) with { Settings = model.EngineDescription };
    }

    /// <summary>One llama-server per concurrency, started with that many slots; the first (one slot, n_ctx from the GGUF) gives every later slot its context.</summary>
    private static IEnumerable<BenchRun> LlamaServer(string binary, string modelFolder, long minimumTokens, EngineRun reference, Func<ILanguageModel, string, Action<int>, BenchmarkRun> harness, CancellationToken cancellationToken)
    {
        var gguf = Path.Combine(Path.GetFullPath(modelFolder), LlamaCppLanguageModel.GgufFileName);
        int? contextPerSlot = null;
        var runs = new List<BenchRun>();
        foreach (var concurrency in ServedConcurrencies)
        {
            using var server = LlamaServerProcess.Start(binary, gguf, slots: concurrency, contextPerSlot: concurrency == 1 ? null : contextPerSlot);
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

            runs.Add(Served(RunName(ParityEngine.LlamaServer, concurrency), server.Endpoint, server, concurrency, modelFolder, minimumTokens, reference, harness, cancellationToken));
        }

        return runs;
    }

    private static BenchRun Served(string name, Uri endpoint, LlamaServerProcess? server, int concurrency, string modelFolder, long minimumTokens, EngineRun reference, Func<ILanguageModel, string, Action<int>, BenchmarkRun> harness, CancellationToken cancellationToken)
    {
        var local = GenAiLanguageModel.Load(modelFolder, new GenAiModelOptions("cpu", 1));
        var served = ServedLanguageModel.Connect(new ServedEngineOptions(endpoint, Concurrency: concurrency), local, ownsLocalTokenizer: true, cancellationToken: cancellationToken);
        using var model = new TimedLanguageModel(served);
        using var probe = new ServerProbe(endpoint);
        var settings = server is null ? served.EngineDescription : $"{served.EngineDescription}; started with {server.SettingsText}";
        var slots = server?.Slots ?? probe.Props().Slots;
        var processedBefore = probe.PromptTokensProcessed();
        ResidentSet.ResetPeak();
        var rss = new RssSampler();
        var gc = GcPauseClock.StartNew();
        var clock = Stopwatch.StartNew();
        var run = harness(model, settings, rss.Scored);
        var seconds = clock.Elapsed.TotalSeconds;
        var processedAfter = probe.PromptTokensProcessed();
        var prefilled = processedBefore is { } b && processedAfter is { } a ? a - b : (long?)null;
        return Measured(name, run, prefilled, minimumTokens, model.Inside.TotalSeconds, seconds, rss, gc, reference) with
        {
            Settings = settings,
            Slots = slots,
            Concurrency = concurrency,
            ServerPeakRssBytes = ServerProbe.PeakRssOf(server?.ProcessId),
        };
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
