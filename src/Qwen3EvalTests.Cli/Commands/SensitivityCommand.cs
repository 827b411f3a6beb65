using System.CommandLine;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval sensitivity</c>: the same questions under each setting known to move scores, one
/// factor at a time, with the delta from the reference setting and the factor that moved most.
/// Writes every setting's results file and <c>&lt;benchmark&gt;-sensitivity.json</c> (read by <c>report</c>).
/// </summary>
public static class SensitivityCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string?>("--model") { Description = "A GenAI model folder. Default: the generated tiny model." };
        var benchmark = new Option<string>("--benchmark") { Description = "mmlu, ceval or cmmlu.", Required = true };
        var factors = new Option<string[]>("--factors") { Description = "Comma-separated: protocol,shots,scoring,chat,answer-space,average. Default: all.", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "Questions per subject (every setting scores the same ones).", DefaultValueFactory = _ => 5 };
        var data = DataOption.Create();
        var device = new Option<string>("--device") { Description = "Execution provider: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "Folder for the results files and the sensitivity JSON.", DefaultValueFactory = _ => "artifacts" };
        var json = new Option<bool>("--json") { Description = "Print the sensitivity JSON instead of a table." };
        var command = new Command("sensitivity", "Score the same questions under the settings known to move scores and name the factor that moved most.")
        {
            model, benchmark, factors, limit, data, device, output, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var outputFolder = parse.GetValue(output)!;
            RunOptionsValidator.CheckSensitivity(parse.GetValue(model), parse.GetValue(limit), parse.GetValue(device)!, outputFolder).ThrowIfAny("the options");
            var benchmarkId = BenchmarkIds.Parse(parse.GetValue(benchmark)!);
            var factorList = SensitivityFactors.Parse(parse.GetValue(factors) ?? []);
            var modelFolder = parse.GetValue(model) ?? TinyModelCache.GetOrCreate(new TinyModelSpec(), Path.Combine(outputFolder, "models"));
            var asJson = parse.GetValue(json);
            var folder = Path.Combine(outputFolder, GenAiModelFolder.Open(modelFolder).Name, "sensitivity");
            var request = new SensitivityRequest(benchmarkId, DataOption.Resolve(parse, data), factorList, parse.GetValue(limit), folder);
            EvaluationPlanValidator.ThrowIfInvalid(SensitivityAnalysis.Plans(request), model: null);
            using var loaded = GenAiLanguageModel.Load(modelFolder, new GenAiModelOptions(parse.GetValue(device)!));
            var report = ProgressDisplay.Run(asJson, progress => new SensitivityAnalysis(loaded).Run(request, progress, cancellationToken));
            var path = Path.Combine(folder, $"{benchmarkId.ToId()}-sensitivity.json");
            report.Write(path);
            if (asJson)
            {
                stdout.WriteLine(JsonSerializer.Serialize(report, PersistedJson.Default.SensitivityReport));
            }
            else
            {
                SensitivityTable.Write(stdout, report);
                stdout.WriteLine($"sensitivity JSON: {path}");
            }

            return Task.FromResult(QwenEvalCli.ExitOk);
        });
        return command;
    }
}
