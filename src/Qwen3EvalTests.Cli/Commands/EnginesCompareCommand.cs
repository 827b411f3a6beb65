using System.CommandLine;
using System.Globalization;
using Qwen3EvalTests.Application;
using Qwen3EvalTests.Application.Parity;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval engines compare --model DIR --engines genai,llamacpp[,openai|llama-server] [--endpoint URL] --benchmark B
/// [--protocol P] [--limit N] [--json]</c>: one plan through each engine (the first is the reference), then per-question
/// agreement, flips with McNemar, the largest |Δ log-likelihood|, and accuracy, questions/s and settings per engine.
/// </summary>
public static class EnginesCompareCommand
{
    private const string CommandLine = "qwen3eval engines compare";

    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string?>("--model") { Description = "A GenAI model folder with model.gguf beside model.onnx. Default: the generated tiny model in its fp32 (legacy) export, which every engine computes alike." };
        var engines = new Option<string>("--engines") { Description = "Comma-separated engines, the reference first: genai, llamacpp, openai (a running server at --endpoint), llama-server (eng/llama-server.sh's binary, started for the run).", DefaultValueFactory = _ => "genai,llamacpp" };
        var endpoint = new Option<string?>("--endpoint") { Description = "With openai in --engines: the server's URL, e.g. http://127.0.0.1:8000." };
        var benchmark = new Option<string>("--benchmark") { Description = "mmlu, ceval or cmmlu.", DefaultValueFactory = _ => "mmlu" };
        var protocol = new Option<string>("--protocol") { Description = "qwen, lm-eval or opencompass, or a named variant.", DefaultValueFactory = _ => "qwen" };
        var data = new Option<string?>("--data") { Description = "Data folder with mmlu/, ceval/, cmmlu/. Default: the shipped sample." };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N questions of each subject." };
        var kind = new Option<string?>("--kind") { Description = "Declare the model base or instruct. Default: from the folder." };
        var output = new Option<string>("--out") { Description = "Folder for each engine's results JSON (and the generated tiny model).", DefaultValueFactory = _ => "artifacts" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("compare", "Run one benchmark through several engines and report agreement, flips, McNemar, |Δ log-likelihood| and questions/s.")
        {
            model, engines, endpoint, benchmark, protocol, data, limit, kind, output, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var problems = new InputProblemList(CommandLine);
            var list = ParseEngines(parse.GetValue(engines)!, problems);
            var url = EndpointOption.Check(parse.GetValue(endpoint), list.Contains(EngineKind.OpenAi), problems);
            if (parse.GetValue(limit) is < 1)
            {
                problems.Add("--limit", string.Create(CultureInfo.InvariantCulture, $"must be at least 1 (got {parse.GetValue(limit)}); leave --limit out to score every question."));
            }

            if (parse.GetValue(model) is { } folder && !Directory.Exists(folder))
            {
                problems.Add(new InputProblem(Path.GetFullPath(folder), null, "--model", "the model folder does not exist; check the path, or leave --model out for the generated tiny model."));
            }

            problems.ThrowIfAny("the options");
            var modelFolder = parse.GetValue(model) ?? TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(parse.GetValue(output)!, "models"));
            var declared = parse.GetValue(kind) is { } k ? ModelKinds.Parse(k, "--kind") : (ModelKind?)null;
            var plan = new EvaluationPlan(BenchmarkIds.Parse(parse.GetValue(benchmark)!), PromptProtocols.Get(parse.GetValue(protocol)!), parse.GetValue(data) ?? DataFolder.SampleDirectory, Limit: parse.GetValue(limit));
            EvaluationPlanValidator.ThrowIfInvalid([plan], null);
            var report = EngineParityRunner.Run(modelFolder, list, url, plan, Path.Combine(parse.GetValue(output)!, "engines"), declared, cancellationToken);
            ReportOutput.Write(stdout, parse.GetValue(json), report, CliJsonContext.Default.EngineParityReport, Write);

            return Task.FromResult(QwenEvalCli.ExitOk);
        });
        return command;
    }

    public static void Write(TextWriter output, EngineParityReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"engine",-14} {"accuracy",9} {"q/s",8}  settings"));
        foreach (var engine in report.Engines)
        {
            output.WriteLine(string.Create(c, $"{engine.Name,-14} {engine.Accuracy * 100,8:F2}% {engine.QuestionsPerSecond,8:F2}  {engine.Settings}"));
        }

        var delta = report.MaxAbsLogLikelihoodDelta is { } d ? d.ToString("E2", c) : "none (no log-likelihoods)";
        output.WriteLine(string.Create(c, $"{report.Questions} questions; agreement {report.Agreement * 100:F2}%; max |Δ log-likelihood| {delta}; McNemar p {report.McnemarP:G4}; {report.Flips.Count} flips"));
        foreach (var flip in report.Flips.Take(20))
        {
            output.WriteLine($"  {flip.Engine}: {flip.Subject} #{flip.Index} answer {flip.Answer}, reference {flip.Reference ?? "-"}, {flip.Engine} {flip.Predicted ?? "-"}");
        }
    }

    private static List<EngineKind> ParseEngines(string text, InputProblemList problems)
    {
        var engines = EngineKinds.ParseList(text, problems);
        if (engines.Count + problems.Count < 2)
        {
            problems.Add("--engines", $"'{text}' names {engines.Count} engine(s); a comparison needs at least two, e.g. genai,llamacpp.");
        }

        return engines;
    }
}
