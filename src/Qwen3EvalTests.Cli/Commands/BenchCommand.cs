using System.CommandLine;
using System.Globalization;
using Qwen3EvalTests.Application.Bench;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval bench</c>: one benchmark's questions scored naive, with reuse (as <c>run</c> does) and replayed on a plain
/// ONNX Runtime session (the floor), then by every other engine of --engines (llamacpp; llama-server and openai at
/// concurrency 1, 2 and 4), side by side: tokens prefilled against the protocol's minimum, forward and harness seconds,
/// questions/s, peak RSS and the ratios of the performance targets. No cache; GenAI and llamacpp at batch 1. A run whose
/// answers differ from GenAI's is reported on stderr.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "A GenAI model folder.", Required = true };
        var benchmark = new Option<string>("--benchmark") { Description = "mmlu, ceval or cmmlu.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "qwen, lm-eval or opencompass.", DefaultValueFactory = _ => "qwen" };
        var data = DataOption.Create();
        var limit = new Option<int?>("--limit") { Description = "Score only the first N questions of each subject." };
        var engines = new Option<string>("--engines") { Description = "Engines to run, comma-separated, genai always among them: genai (runs naive, reuse, floor), llamacpp (in process on model.gguf), llama-server (eng/llama-server.sh's binary, started with 1, 2 and 4 slots: runs llama-server-c1, -c2, -c4), openai (the server at --endpoint at concurrency 1, 2 and 4: runs openai-c1, -c2, -c4).", DefaultValueFactory = _ => "genai" };
        var endpoint = new Option<string?>("--endpoint") { Description = "With openai in --engines: the server's URL, e.g. http://127.0.0.1:8000." };
        var runs = new Option<string>("--runs") { Description = "GenAI's runs only, comma-separated: naive, reuse, floor (floor replays reuse); the other engines run once each (served ones once per concurrency).", DefaultValueFactory = _ => string.Join(',', GenAiBench.RunNames) };
        var threads = new Option<int?>("--threads") { Description = "ONNX Runtime intra-op threads for GenAI and the floor (default: genai_config.json's session_options.intra_op_num_threads, else every core)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("bench", "Measure the harness against a naive run, the engine's floor and other engines on the same questions.")
        {
            model, benchmark, protocol, data, limit, engines, endpoint, runs, threads, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var selection = BenchEngineSelection.Parse(parse.GetValue(engines)!, parse.GetValue(endpoint), parse.GetValue(model)!, LlamaServerProcess.BinaryPath);
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
            var options = new GenAiModelOptions(IntraOpThreads: parse.GetValue(threads));
            var note = FreshLogitsBufferAdvice.For(GenAiModelFolder.Open(parse.GetValue(model)!, options.ExecutionProvider).Graph, options.ExecutionProvider, Environment.GetEnvironmentVariable(FreshLogitsBufferAdvice.TunablesVariable));
            if (note is not null)
            {
                stderr.WriteLine(note);
            }

            var report = Run(parse.GetValue(model)!, plan, runNames, options, selection, cancellationToken);
            foreach (var run in report.Runs.Where(r => r.AnswersDifferentFromGenAi is > 0))
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {run.Name} answered {run.AnswersDifferentFromGenAi} of {report.Questions} questions differently from genai (accuracy {run.Accuracy:P2}); its speed is not comparable until the engines agree ('qwen3eval engines compare' lists the questions)."));
            }

            ReportOutput.Write(stdout, parse.GetValue(json), report, CliJsonContext.Default.BenchReport, Print);

            return Task.FromResult(QwenEvalCli.ExitOk);
        });
        return command;
    }

    /// <summary>
    /// GenAI's <paramref name="runs"/>, then the engines of <paramref name="selection"/> (none when null) on the same
    /// questions; the ratios gain each other engine's wall seconds over the GenAI run's (reuse, else naive).
    /// </summary>
    public static BenchReport Run(string modelFolder, EvaluationPlan plan, IReadOnlyCollection<string> runs, GenAiModelOptions? options = null, BenchEngineSelection? selection = null, CancellationToken cancellationToken = default)
    {
        EvaluationPlanValidator.ThrowIfInvalid([plan], model: null);
        var scratch = Directory.CreateTempSubdirectory("qwen3eval-bench-");
        try
        {
            BenchmarkRun Harness(ILanguageModel model, Action<int> scored) => new BenchmarkEvaluator(model)
                .Run(plan, Path.Combine(scratch.FullName, $"{Guid.NewGuid():N}.json"), new QuestionCountProgress(scored), cancellationToken);

            // The last GenAI harness run (reuse, else naive) is the reference the other engines' answers are compared with.
            BenchmarkRun? genai = null;
            var report = GenAiBench.Run(
                modelFolder,
                runs,
                (model, scored) =>
                {
                    genai = Harness(model, scored);
                    return genai.Outcomes.Count;
                },
                options);
            if (selection is not { Others.Count: > 0 })
            {
                return report;
            }

            var measured = report.Runs.LastOrDefault(r => r.Name is "reuse" or "naive")
                ?? throw new EvalInputException("the other engines are compared with GenAI's reuse or naive run; add one of them to --runs.", field: "runs");
            var reference = new EngineRun(measured.Name, genai!.Header.Environment.Engine, genai.Summary.Accuracy, genai.Outcomes, TimeSpan.Zero);
            var others = EngineBench.Run(selection, modelFolder, measured.MinimumTokens, reference, Harness, cancellationToken);
            var genaiSeconds = report.Questions / measured.QuestionsPerSecond;
            var secondsOverGenAi = others.ToDictionary(r => r.Name, r => report.Questions / r.QuestionsPerSecond / genaiSeconds);
            return report with { Runs = [.. report.Runs, .. others], Ratios = report.Ratios with { SecondsOverGenAi = secondsOverGenAi } };
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
        stdout.WriteLine(string.Create(c, $"{report.Questions} questions, {report.IntraOpThreads} intra-op threads{(report.IntraOpSpinning ? " (spinning)" : "")}{(report.GlibcTunables is { } tunables ? $", GLIBC_TUNABLES={tunables}" : "")}"));
        stdout.WriteLine("run                prefilled    minimum  forward s  harness s      q/s  peak RSS MB  server RSS MB  slots  ≠ genai  RSS MB at 1,000 / end");
        foreach (var run in report.Runs)
        {
            var first = run.Rss.FirstOrDefault(s => s.Questions >= 1000);
            var rss = run.Rss.Count == 0 ? "" : string.Create(c, $"{(first is null ? "-" : (first.RssBytes / 1048576.0).ToString("F0", c))} / {run.Rss[^1].RssBytes / 1048576.0:F0}");
            var prefilled = run.PrefilledTokens is { } p ? p.ToString("N0", c) : "unknown";
            var server = run.ServerPeakRssBytes is { } b ? (b / 1048576.0).ToString("F0", c) : "-";
            stdout.WriteLine(string.Create(c, $"{run.Name,-16} {prefilled,11} {run.MinimumTokens,10:N0} {run.ForwardSeconds,10:F2} {run.HarnessSeconds,10:F2} {run.QuestionsPerSecond,8:F1} {run.PeakRssBytes / 1048576.0,12:F0} {server,14} {run.Slots?.ToString(c) ?? "-",6} {run.AnswersDifferentFromGenAi?.ToString(c) ?? "-",8}  {rss}"));
        }

        var r = report.Ratios;
        stdout.WriteLine(string.Create(c, $"reuse/naive prefilled {r.ReuseOverNaive:F3}; harness/engine {r.HarnessOverEngine:F3} (target ≤ 0.05); engine/floor {r.EngineOverFloor:F2} (target ≤ 1.3); prefilled/minimum {r.PrefilledOverMinimum:F3} (target ≤ 1.05); RSS end/1,000 {r.RssEndOverFirstThousand:F3} (target ≤ 1.10)"));
        if (r.SecondsOverGenAi is { Count: > 0 } seconds)
        {
            stdout.WriteLine("seconds over genai: " + string.Join("; ", seconds.Select(s => string.Create(c, $"{s.Key} {s.Value:F2}"))));
        }
    }
}
