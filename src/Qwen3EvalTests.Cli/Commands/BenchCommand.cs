using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Bench;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval bench</c>: one benchmark's questions scored naive, with reuse (as <c>run</c> does) and replayed on a plain
/// ONNX Runtime session (the floor), side by side: tokens prefilled against the protocol's minimum, forward and harness
/// seconds, questions/s, peak RSS and the ratios of the performance targets. No cache, batch 1.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] KnownEngines = ["genai"];

    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string>("--model") { Description = "A GenAI model folder.", Required = true };
        var benchmark = new Option<string>("--benchmark") { Description = "mmlu, ceval or cmmlu.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "qwen, lm-eval or opencompass.", DefaultValueFactory = _ => "qwen" };
        var data = DataOption.Create();
        var limit = new Option<int?>("--limit") { Description = "Score only the first N questions of each subject." };
        var engines = new Option<string>("--engines") { Description = "Engines to run, comma-separated; only genai for now.", DefaultValueFactory = _ => "genai" };
        var runs = new Option<string>("--runs") { Description = "GenAI runs, comma-separated: naive, reuse, floor (floor replays reuse).", DefaultValueFactory = _ => string.Join(',', GenAiBench.RunNames) };
        var threads = new Option<int?>("--threads") { Description = "ONNX Runtime intra-op threads for GenAI and the floor (default: genai_config.json's session_options.intra_op_num_threads, else every core)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("bench", "Measure the harness against a naive run and the engine's floor on the same questions.")
        {
            model, benchmark, protocol, data, limit, engines, runs, threads, json,
        };
        command.SetAction(parse =>
        {
            var unknown = Split(parse.GetValue(engines)!).Where(e => !KnownEngines.Contains(e)).ToList();
            if (unknown.Count > 0)
            {
                throw new EvalInputException($"--engines: {string.Join(", ", unknown)} not available yet; the bench runs genai only (llamacpp and a served engine come with the engines work).", field: "engines");
            }

            var runNames = Split(parse.GetValue(runs)!);
            if (runNames.Count == 0 || runNames.Any(r => !GenAiBench.RunNames.Contains(r)))
            {
                throw new EvalInputException($"--runs takes {string.Join(", ", GenAiBench.RunNames)} (got '{parse.GetValue(runs)}').", field: "runs");
            }

            if (parse.GetValue(limit) is < 1)
            {
                throw new EvalInputException($"--limit must be at least 1 (got {parse.GetValue(limit)}).", field: "limit");
            }

            if (parse.GetValue(threads) is < 1)
            {
                throw new EvalInputException($"--threads must be at least 1 (got {parse.GetValue(threads)}).", field: "threads");
            }

            var plan = new EvaluationPlan(BenchmarkIds.Parse(parse.GetValue(benchmark)!), PromptProtocols.Get(parse.GetValue(protocol)!), DataOption.Resolve(parse, data), Limit: parse.GetValue(limit));
            var report = Run(parse.GetValue(model)!, plan, runNames, new GenAiModelOptions(IntraOpThreads: parse.GetValue(threads)));
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.BenchReport));
            }
            else
            {
                Print(stdout, report);
            }

            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    public static BenchReport Run(string modelFolder, EvaluationPlan plan, IReadOnlyCollection<string> runs, GenAiModelOptions? options = null)
    {
        EvaluationPlanValidator.ThrowIfInvalid([plan], model: null);
        var scratch = Directory.CreateTempSubdirectory("qwen3eval-bench-");
        try
        {
            return GenAiBench.Run(
                modelFolder,
                runs,
                (model, scored) => new BenchmarkEvaluator(model, GenAiLanguageModel.EngineDescription)
                    .Run(plan, Path.Combine(scratch.FullName, $"{Guid.NewGuid():N}.json"), new QuestionCountProgress(scored)).Outcomes.Count,
                options);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static List<string> Split(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void Print(TextWriter stdout, BenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"{report.Questions} questions, {report.IntraOpThreads} intra-op threads{(report.IntraOpSpinning ? " (spinning)" : "")}"));
        stdout.WriteLine("run     prefilled    minimum  forward s  harness s      q/s  peak RSS MB  RSS MB at 1,000 / end");
        foreach (var run in report.Runs)
        {
            var first = run.Rss.FirstOrDefault(s => s.Questions >= 1000);
            var rss = run.Rss.Count == 0 ? "" : string.Create(c, $"{(first is null ? "-" : (first.RssBytes / 1048576.0).ToString("F0", c))} / {run.Rss[^1].RssBytes / 1048576.0:F0}");
            stdout.WriteLine(string.Create(c, $"{run.Name,-6} {run.PrefilledTokens,10:N0} {run.MinimumTokens,10:N0} {run.ForwardSeconds,10:F2} {run.HarnessSeconds,10:F2} {run.QuestionsPerSecond,8:F1} {run.PeakRssBytes / 1048576.0,12:F0}  {rss}"));
        }

        var r = report.Ratios;
        stdout.WriteLine(string.Create(c, $"reuse/naive prefilled {r.ReuseOverNaive:F3}; harness/engine {r.HarnessOverEngine:F3} (target ≤ 0.05); engine/floor {r.EngineOverFloor:F2} (target ≤ 1.3); prefilled/minimum {r.PrefilledOverMinimum:F3} (target ≤ 1.05); RSS end/1,000 {r.RssEndOverFirstThousand:F3} (target ≤ 1.10)"));
    }
}
