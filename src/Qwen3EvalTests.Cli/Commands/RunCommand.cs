using System.CommandLine;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval run</c>: the main job. With no arguments it generates (or reuses) the tiny model and
/// evaluates the shipped sample of all three benchmarks with the qwen protocol.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string?>("--model") { Description = "A GenAI model folder (genai_config.json, model.onnx, tokenizer files). Default: the generated tiny model." };
        var benchmarks = new Option<string[]>("--benchmark") { Description = "mmlu, ceval or cmmlu; repeat for several. Default: all three.", AllowMultipleArgumentsPerToken = true };
        var protocol = new Option<string>("--protocol") { Description = "qwen, lm-eval or opencompass.", DefaultValueFactory = _ => "qwen" };
        var data = new Option<string?>("--data") { Description = "Data folder with mmlu/, ceval/, cmmlu/. Default: the shipped sample." };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N questions of each subject." };
        var shots = new Option<int?>("--shots") { Description = "Few-shot examples per prompt. Default: the protocol's (5 for base models)." };
        var chat = new Option<bool>("--chat") { Description = "Use the chat form (instruct models)." };
        var allowKindMismatch = new Option<bool>("--allow-kind-mismatch") { Description = "Allow the chat form on a base model or the completion form on an instruct model (sensitivity studies only)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Prompts per forward pass (1 reuses each subject's few-shot KV cache; more batches full prompts).", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "Execution provider: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "Folder for results JSON (and the generated tiny model).", DefaultValueFactory = _ => "artifacts" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var cache = new Option<string?>("--cache") { Description = "Request cache file (SQLite): a re-run or a resumed run is served from it. Default: <out>/cache.sqlite." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute every request; read and write no cache." };

        var command = new Command("run", "Evaluate a model on benchmarks and write results JSON.")
        {
            model, benchmarks, protocol, data, limit, shots, chat, allowKindMismatch, batchSize, device, output, json, cache, noCache,
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
                parse.GetValue(cache),
                parse.GetValue(noCache));
            return Task.FromResult(Execute(options, stdout, stderr, cancellationToken));
        });
        return command;
    }

    public static int Execute(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var modelFolder = options.ModelFolder ?? TinyModelCache.GetOrCreate(new TinyModelSpec(), Path.Combine(options.OutputFolder, "models"));
        var genai = GenAiLanguageModel.Load(modelFolder, new GenAiModelOptions(options.Device, options.BatchSize));
        using ILanguageModel model = options.NoCache ? genai : new CachingLanguageModel(genai, RequestCache.Open(options.CacheFile ?? Path.Combine(options.OutputFolder, "cache.sqlite"), stderr.WriteLine));
        var cacheHits = new Dictionary<BenchmarkRun, CacheCounters>();
        var evaluator = new BenchmarkEvaluator(model, GenAiLanguageModel.EngineDescription);
        var runs = new List<BenchmarkRun>();
        foreach (var benchmark in options.Benchmarks)
        {
            var plan = new EvaluationPlan(benchmark, options.Protocol, options.DataFolder, options.Shots, options.Chat, Limit: options.Limit, AllowKindMismatch: options.AllowKindMismatch);
            var path = Path.Combine(options.OutputFolder, model.Info.Name, ResultsFileName(plan));
            var cacheBefore = (model as CachingLanguageModel)?.Cache;
            runs.Add(evaluator.Run(plan, path, cancellationToken: cancellationToken));
            if (model is CachingLanguageModel caching)
            {
                cacheHits[runs[^1]] = caching.Cache.Minus(cacheBefore!);
            }
        }

        if (options.Json)
        {
            var report = new RunReport(runs.Select(r => new RunReportEntry(
                r.Header.Settings.Benchmark,
                r.Header.Settings.Protocol,
                r.Header.Model,
                r.Summary.Questions,
                r.Summary.Correct,
                r.Summary.Accuracy,
                r.Summary.Average,
                r.ResultsFile) { CacheHits = cacheHits.GetValueOrDefault(r)?.Hits }).ToList());
            stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.RunReport));
        }
        else
        {
            RunTable.Write(stdout, runs);
            if (model is CachingLanguageModel caching)
            {
                stdout.WriteLine($"cache: {caching.Cache.Hits} hits, {caching.Cache.Misses} misses ({caching.CacheFile})");
            }
        }

        return QwenEvalCli.ExitOk;
    }

    public static string ResultsFileName(EvaluationPlan plan) =>
        $"{plan.Benchmark.ToId()}-{plan.Protocol.Name}{(plan.Chat ? "-chat" : "")}-{plan.EffectiveShots}shot.json";
}
