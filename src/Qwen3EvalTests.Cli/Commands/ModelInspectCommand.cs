using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval model inspect --model DIR [--device cpu|cuda] [--kind base|instruct] [--json]</c>: what the harness finds in a model folder and
/// every problem with its fix, before anything loads. Exit 0 without errors (notes may be listed), 2 with any.
/// </summary>
public static class ModelInspectCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelOption = new Option<string>("--model") { Description = "The model folder (genai_config.json, model.onnx, tokenizer files).", Required = true };
        var deviceOption = new Option<string>("--device") { Description = "The execution provider it would run on: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        deviceOption.AcceptOnlyFromAmong("cpu", "cuda");
        var kindOption = new Option<string?>("--kind") { Description = "base or instruct: the kind a run would declare (suite kind:, run --kind). Default: what the folder suggests." };
        kindOption.AcceptOnlyFromAmong("base", "instruct");
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("inspect", "Report a model folder's export (operators, KV layout, logits, lengths, vocabularies, special ids, chat template, kind) and every problem with its fix.");
        command.Options.Add(modelOption);
        command.Options.Add(deviceOption);
        command.Options.Add(kindOption);
        command.Options.Add(jsonOption);
        command.SetAction(parseResult => Execute(
            GenAiModelInspection.Inspect(
                parseResult.GetValue(modelOption)!,
                parseResult.GetValue(deviceOption)!,
                ModelKinds.TryParse(parseResult.GetValue(kindOption), out var kind) ? kind : null),
            parseResult.GetValue(jsonOption),
            stdout,
            stderr));
        return command;
    }

    public static int Execute(GenAiModelInspection inspection, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(inspection, CliJsonContext.Default.GenAiModelInspection));
        }
        else
        {
            WriteText(inspection, stdout);
        }

        var errors = inspection.Problems.Count(problem => problem.IsError);
        if (errors == 0)
        {
            return QwenEvalCli.ExitOk;
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {errors} problem(s) in {inspection.Folder} would stop a run; fix them as listed."));
        return QwenEvalCli.ExitBadInput;
    }

    private static void WriteText(GenAiModelInspection i, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        string Name(int id) => i.SpecialTokenNames.TryGetValue(id.ToString(c), out var name) ? $"{id} {name}" : id.ToString(c);
        void Line(string label, string value) => stdout.WriteLine($"{label,-14} {value}");

        Line("model folder", i.Folder);
        Line("type", $"{i.ModelType} (checked for the {i.ExecutionProvider} provider)");
        Line("operators", i.OperatorsOfNote.Count == 0 ? "none of note" : string.Join(", ", i.OperatorsOfNote.Select(op => string.Create(c, $"{op.Key} ×{op.Value}"))));
        Line("kv cache", $"{i.KvLayout}; past_key_values.0.key [{string.Join(", ", i.PastKeyShape)}]");
        Line("logits", $"{i.LogitsType} [{string.Join(", ", i.LogitsShape)}] ({(i.LastPositionLogitsOnly ? "last position only" : "every position")})");
        Line("position_ids", i.HasPositionIds ? "input" : "none (positions from attention_mask)");
        Line("lengths", string.Create(c, $"context_length {i.ContextLength}; max_length {(i.ConfigMaxLength is { } max ? max.ToString(c) : "unset")} in genai_config.json, {i.HarnessMaxLength} by the harness"));
        Line("vocab", string.Create(c, $"config {i.ConfigVocabSize}, graph {(i.GraphVocabSize is { } g ? g.ToString(c) : "symbolic")}, tokenizer {(i.TokenizerVocabSize is { } t ? t.ToString(c) : "unread")}"));
        Line("special ids", $"bos {Name(i.BosTokenId)}; eos {string.Join(", ", i.EosTokenIds.Select(Name))}; pad {Name(i.PadTokenId)}");
        Line("chat template", i.ChatTemplateSource);
        Line("kind", $"{i.Kind}, {i.KindSource}");
        Line("sampling", $"config do_sample {(i.ConfigSamples ? "true" : "false")}; the harness sets it per request");
        var errors = i.Problems.Count(problem => problem.IsError);
        stdout.WriteLine();
        stdout.WriteLine(string.Create(c, $"problems: {errors} error(s), {i.Problems.Count - errors} note(s)"));
        foreach (var problem in i.Problems)
        {
            stdout.WriteLine($"  {(problem.IsError ? "error" : "note")}: {problem.Message}");
            if (problem.Fix.Length > 0)
            {
                stdout.WriteLine($"    {(problem.IsError ? "fix" : "harness")}: {problem.Fix}");
            }

            stdout.WriteLine($"    in {problem.File}{(problem.Field is { } field ? $" ({field})" : "")}");
        }
    }
}
