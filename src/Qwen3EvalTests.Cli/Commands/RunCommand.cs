using System.CommandLine;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Cli.Progress;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval run</c>: the main job. With no arguments it generates (or reuses) the tiny model and
/// evaluates the shipped sample of all three benchmarks with the qwen protocol.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string?>("--model") { Description = "A GenAI model folder (genai_config.json, model.onnx, tokenizer files; model.gguf for --engine llamacpp). Default: the generated tiny model." };
        var benchmarks = new Option<string[]>("--benchmark") { Description = "mmlu, ceval or cmmlu; repeat for several. Default: all three.", AllowMultipleArgumentsPerToken = true };
        var protocol = new Option<string>("--protocol") { Description = "qwen, lm-eval or opencompass, or a named variant (qwen@pandas2, lm-eval@0.4.9, lm-eval@0.4.3, opencompass@clean).", DefaultValueFactory = _ => "qwen" };
        var data = new Option<string?>("--data") { Description = "Data folder with mmlu/, ceval/, cmmlu/. Default: the shipped sample." };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N questions of each subject." };
        var shots = new Option<int?>("--shots") { Description = "Few-shot examples per prompt. Default: the protocol's (5 for base models)." };
        var chat = new Option<bool>("--chat") { Description = "Use the chat form (instruct models)." };
        var allowKindMismatch = new Option<bool>("--allow-kind-mismatch") { Description = "Allow the chat form on a base model or the completion form on an instruct model (sensitivity studies only)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Prompts per forward pass (1 reuses each subject's few-shot KV cache; more batches full prompts).", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "Execution provider: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "Folder for results JSON (and the generated tiny model).", DefaultValueFactory = _ => "artifacts" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var repeats = new Option<int>("--repeats") { Description = "Run each benchmark N times (results files …-r1.json …): per-repeat scores, mean, sample SD; greedy runs double as a determinism check.", DefaultValueFactory = _ => 1 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature for generation scoring (0: greedy).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Base seed for sampled generation; repeat i uses seed + i − 1.", DefaultValueFactory = _ => 0 };
        var cache = new Option<string?>("--cache") { Description = "Request cache file (SQLite): a re-run or a resumed run is served from it. Default: <out>/cache.sqlite. Off with --repeats > 1 (repeats recompute)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute every request; read and write no cache." };
        var engine = new Option<string>("--engine") { Description = "genai (ONNX Runtime GenAI in process), llamacpp (llama.cpp in process on the folder's model.gguf), openai (a served OpenAI-compatible engine at --endpoint: vLLM, SGLang, llama.cpp's llama-server) or llama-server (eng/llama-server.sh's binary, started on the folder's model.gguf for the run).", DefaultValueFactory = _ => "genai" };
        var endpoint = new Option<string?>("--endpoint") { Description = "With --engine openai: the server's URL, e.g. http://127.0.0.1:8000." };
        var servedModel = new Option<string?>("--served-model") { Description = "With --engine openai: the model name the server serves. Default: the first in its /v1/models." };
        var concurrency = new Option<int?>("--concurrency") { Description = "With --engine openai: requests in flight at once (default 4)." };
        var apiKeyEnv = new Option<string?>("--api-key-env") { Description = "With --engine openai: the environment variable that holds the API key (sent as a bearer token, never logged or recorded)." };
        var requestTimeout = new Option<double>("--request-timeout") { Description = $"With --engine openai or llama-server: seconds one request may take before it is retried (default {ServedEngineOptions.DefaultRequestTimeoutSeconds:0}).", DefaultValueFactory = _ => ServedEngineOptions.DefaultRequestTimeoutSeconds };
        var retries = new Option<int>("--retries") { Description = $"With --engine openai or llama-server: retries of a request after a timeout, a lost connection, 429 or 5xx (default {ServedEngineOptions.DefaultRetries}; with the default timeout a dead server fails the run in about 1.5 minutes).", DefaultValueFactory = _ => ServedEngineOptions.DefaultRetries };
        var baselines = new Option<string?>("--baselines") { Description = "Baseline catalogue the scores are set against (official number, delta, tolerance). Default: the repository's baselines/official.json, else the copy shipped with qwen3eval." };
        var kind = new Option<string?>("--kind") { Description = "Declare the model base or instruct; beats what the folder suggests (a chat template never decides: base checkpoints ship one). Default: from the folder name and genai_config.json." };

        var command = new Command("run", "Evaluate a model on benchmarks and write results JSON.")
        {
            model, benchmarks, protocol, data, limit, shots, chat, allowKindMismatch, batchSize, device, output, json, repeats, temperature, seed, cache, noCache, kind,
            engine, endpoint, servedModel, concurrency, apiKeyEnv, requestTimeout, retries, baselines,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new RunOptions(
                parse.GetValue(model),
                (parse.GetValue(benchmarks) is { Length: > 0 } ids ? ids : ["mmlu", "ceval", "cmmlu"]).Select(BenchmarkIds.Parse).ToList(),
                PromptProtocols.Get(parse.GetValue(protocol)!),
                parse.GetValue(data) ?? DataFolder.SampleDirectory,
                parse.GetValue(limit),
                parse.GetValue(shots),
                parse.GetValue(chat),
                parse.GetValue(allowKindMismatch),
                parse.GetValue(batchSize),
                parse.GetValue(device)!,
                parse.GetValue(output)!,
                parse.GetValue(json),
                parse.GetValue(repeats),
                parse.GetValue(temperature),
                parse.GetValue(seed),
                parse.GetValue(cache),
                parse.GetValue(noCache),
                parse.GetValue(kind) is { } declared ? ModelKinds.Parse(declared, "--kind") : null,
                EngineKinds.Parse(parse.GetValue(engine)!),
                parse.GetValue(endpoint),
                parse.GetValue(servedModel),
                parse.GetValue(concurrency),
                parse.GetValue(apiKeyEnv),
                parse.GetValue(requestTimeout),
                parse.GetValue(retries)) { BaselinesFile = parse.GetValue(baselines) };
            return Task.FromResult(Execute(options, stdout, stderr, cancellationToken));
        });
        return command;
    }

    public static int Execute(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        RunOptionsValidator.Check(options).ThrowIfAny("the options");
        if (options.Repeats < 1)
        {
            throw new EvalInputException($"--repeats must be at least 1 (got {options.Repeats}).", field: "repeats");
        }

        // Every plan of the command (each benchmark and repeat) is checked before the model loads: a broken ceval/ folder
        // is reported now, not after all of MMLU has been scored.
        var plans = options.Benchmarks.SelectMany(b => Enumerable.Range(1, options.Repeats).Select(r => PlanOf(options, b, r))).ToList();
        var catalog = BaselineCatalogLocation.Load(options.BaselinesFile, Directory.GetCurrentDirectory());
        var engineModel = Open(options, plans, stderr, cancellationToken);
        using ILanguageModel model = options.NoCache || options.Repeats > 1
            ? engineModel
            : new CachingLanguageModel(engineModel, RequestCache.Open(options.CacheFile ?? Path.Combine(options.OutputFolder, "cache.sqlite"), stderr.WriteLine));
        var cacheHits = new List<long?>();
        var evaluator = new BenchmarkEvaluator(model);
        var runs = new List<BenchmarkRun>();
        var repeatSummaries = new List<RepeatSummary?>();
        var waitingFor = options.Engine is EngineKind.OpenAi or EngineKind.LlamaServer ? "the server" : "the model";
        ProgressDisplay.Run(options.Json, waitingFor, new TruncationNotice(stderr, model.Info.ContextLength, ProtocolContextLimits(plans)), progress =>
        {
            foreach (var benchmark in options.Benchmarks)
            {
                var repeatRuns = new List<BenchmarkRun>();
                var cacheBefore = (model as CachingLanguageModel)?.Cache;
                foreach (var plan in plans.Where(p => p.Benchmark == benchmark))
                {
                    var path = Path.Combine(options.OutputFolder, model.Info.Name, plan.ResultsFileName);
                    repeatRuns.Add(evaluator.Run(plan, path, progress, cancellationToken));
                }

                runs.AddRange(repeatRuns);
                cacheHits.Add(model is CachingLanguageModel caching ? caching.Cache.Minus(cacheBefore!).Hits : null);
                repeatSummaries.Add(options.Repeats > 1 ? RepeatSummary.Of([.. repeatRuns.Select(r => (r.Header.Settings, r.Summary, r.Answers()))]) : null);
            }

            return runs.Count;
        });

        var suiteModels = catalog is null ? [] : BaselineCatalogLocation.SuiteModels(catalog, Directory.GetCurrentDirectory(), stderr.WriteLine);
        var published = options.Benchmarks.Select((b, i) =>
            RunBaseline.Of(runs.Skip(i * options.Repeats).Take(options.Repeats).ToList(), plans.First(p => p.Benchmark == b), catalog, suiteModels)).ToList();
        if (options.Json)
        {
            var report = new RunReport(options.Benchmarks.Select((_, i) =>
            {
                var first = runs[i * options.Repeats];
                var summary = repeatSummaries[i];
                var files = runs.Skip(i * options.Repeats).Take(options.Repeats).Select(r => r.ResultsFile).ToList();
                return new RunReportEntry(
                    first.Header.Settings.Benchmark,
                    first.Header.Settings.Protocol,
                    first.Header.Model,
                    first.Summary.Questions,
                    first.Summary.Correct,
                    summary?.Statistics.Mean ?? first.Summary.Accuracy,
                    first.Summary.Average,
                    first.ResultsFile,
                    summary is null ? null : RunReportRepeats.Of(summary, files)) { CacheHits = cacheHits[i], Baseline = RunReportBaseline.Of(published[i]) };
            }).ToList());
            stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.RunReport));
        }
        else
        {
            RunTable.Write(stdout, runs);
            foreach (var line in published)
            {
                stdout.WriteLine(line.Describe(runs[0].Header.Model));
            }

            if (model is CachingLanguageModel caching)
            {
                stdout.WriteLine($"cache: {caching.Cache.Hits} hits, {caching.Cache.Misses} misses ({caching.CacheFile})");
            }

            for (var i = 0; i < options.Benchmarks.Count; i++)
            {
                if (repeatSummaries[i] is { } summary)
                {
                    stdout.WriteLine($"{options.Benchmarks[i].ToId()}: {summary.Describe()}");
                }
            }
        }

        return QwenEvalCli.ExitOk;
    }

    /// <summary>Per benchmark id, the most context tokens its protocol's own truncation rule keeps, where it has one.</summary>
    private static Dictionary<string, int> ProtocolContextLimits(IReadOnlyList<EvaluationPlan> plans) =>
        plans.Where(p => p.Scoring.Truncation.MaxContextTokens is not null)
            .GroupBy(p => p.Benchmark.ToId(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Scoring.Truncation.MaxContextTokens!.Value, StringComparer.Ordinal);

    /// <summary>
    /// Opens the engine through <see cref="EngineCatalog"/>. A folder-based engine's plans are checked against the folder's kind
    /// before the model loads; every engine's plans are checked against the opened model (a served model's kind is known only
    /// once connected) before the first request.
    /// </summary>
    private static ILanguageModel Open(RunOptions options, IReadOnlyList<EvaluationPlan> plans, TextWriter stderr, CancellationToken cancellationToken)
    {
        var modelFolder = options.ModelFolder ?? (options.Engine == EngineKind.OpenAi ? null : TinyModelCache.GetOrCreate(new TinyModelSpec(), Path.Combine(options.OutputFolder, "models")));
        if (options.Engine != EngineKind.OpenAi)
        {
            var folder = GenAiModelFolder.Open(modelFolder!);
            var (kind, source) = options.Kind is { } declared ? (declared, ModelKindSource.Declared) : (folder.Kind, folder.KindSource);
            EvaluationPlanValidator.ThrowIfInvalid(plans, new ModelKindFact(folder.Name, folder.Folder, kind, source), engine: EngineCatalog.GenerationOf(options.Engine));
            if (options.Engine == EngineKind.GenAi && LogitsNote.For(folder.Graph, options.Device, Environment.GetEnvironmentVariable(FreshLogitsBufferAdvice.TunablesVariable)) is { } note)
            {
                stderr.WriteLine(note);
            }
        }

        var model = EngineCatalog.Open(SpecOf(options, modelFolder), cancellationToken);
        try
        {
            EvaluationPlanValidator.ThrowIfInvalid(plans, ModelKindFact.Of(model.Info), engine: model.Generation);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The engine the options name, on <paramref name="modelFolder"/> (for openai, the optional local tokenizer).</summary>
    public static EngineSpec SpecOf(RunOptions options, string? modelFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EngineSpec(
            options.Engine,
            modelFolder,
            options.Endpoint is { } endpoint ? new Uri(endpoint) : null,
            options.Device,
            options.BatchSize,
            options.Kind,
            options.ServedModel,
            options.Concurrency,
            options.ApiKeyEnvironmentVariable,
            RequestTimeout: TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            MaxAttempts: options.Retries + 1);
    }

    /// <summary>The plan of one repeat (<see cref="EvaluationPlan.ForRepeat"/>: the seed rule every command and the gate share).</summary>
    public static EvaluationPlan PlanOf(RunOptions options, Benchmark benchmark, int repeat)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = options.Protocol.Settings(benchmark, options.Chat).Generation ?? ProtocolSettings.ShortGreedyAnswer;
        var generation = defaults with { Temperature = options.Temperature, Seed = options.Seed };
        return new EvaluationPlan(benchmark, options.Protocol, options.DataFolder, options.Shots, options.Chat, Limit: options.Limit, AllowKindMismatch: options.AllowKindMismatch, Generation: generation)
            .ForRepeat(repeat, options.Repeats);
    }
}
