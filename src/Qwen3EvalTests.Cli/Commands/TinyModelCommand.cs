using System.CommandLine;
using System.Diagnostics;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>qwen3eval tiny-model: writes a generated Qwen3-shaped test model folder (and `tiny-model measure`).</summary>
public static class TinyModelCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var outOption = new Option<string>("--out") { Description = "Folder to write the model into.", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the weights.", DefaultValueFactory = _ => 1 };
        var tokenizerOption = new Option<string>("--tokenizer") { Description = "bytes (vocab 300) or qwen3 (the real tokenizer, vocab 151936).", DefaultValueFactory = _ => "bytes" };
        tokenizerOption.AcceptOnlyFromAmong("bytes", "qwen3");
        var plantedOption = new Option<string?>("--planted-answer") { Description = "A, B, C or D: the model answers every multiple-choice question with this letter." };
        plantedOption.AcceptOnlyFromAmong("A", "B", "C", "D");
        var kindOption = new Option<string>("--kind") { Description = "base or instruct (instruct exports sample by default, as the builder copies Qwen3's generation config; builder-shaped exports carry a chat_template.jinja either way, legacy base models none).", DefaultValueFactory = _ => "base" };
        kindOption.AcceptOnlyFromAmong("base", "instruct");

        var exportOption = new Option<string>("--export")
        {
            Description = "cpu-int4 (what the GenAI model builder writes for -p int4 -e cpu), fp16-logits (the same graph with float16 logits, as CUDA exports return them) or legacy (standard ops, fp32, no shared KV buffer).",
            DefaultValueFactory = _ => "cpu-int4",
        };
        exportOption.AcceptOnlyFromAmong([.. TinyModelExportIds.All]);
        var sizeOption = new Option<string>("--size") { Description = "default (hidden 64, 2 layers) or smallest (hidden 8, 1 layer: for throughput benchmarks; planted models answer the same).", DefaultValueFactory = _ => "default" };
        sizeOption.AcceptOnlyFromAmong("default", "smallest");
        var pruneOption = new Option<bool>("--prune-lm-head")
        {
            Description = "Compute logits for the last position only, [batch, 1, vocab] (the model builder's --extra_options prune_lm_head=true); cpu-int4 and fp16-logits only.",
        };
        var command = new Command("tiny-model", "Generate a tiny Qwen3-shaped ONNX model folder that ONNX Runtime GenAI loads (for tests and dry runs).");
        command.Options.Add(outOption);
        command.Options.Add(seedOption);
        command.Options.Add(tokenizerOption);
        command.Options.Add(plantedOption);
        command.Options.Add(kindOption);
        command.Options.Add(sizeOption);
        command.Options.Add(exportOption);
        command.Options.Add(pruneOption);
        command.Subcommands.Add(TinyModelMeasureCommand.Create(stdout));
        command.SetAction(parseResult =>
        {
            RunOptionsValidator.CheckTinyModel(parseResult.GetValue(seedOption), parseResult.GetValue(outOption)!).ThrowIfAny("the options");
            var spec = new TinyModelSpec(
                Seed: parseResult.GetValue(seedOption),
                Tokenizer: parseResult.GetValue(tokenizerOption) == "qwen3" ? TinyTokenizerKind.Qwen3 : TinyTokenizerKind.Bytes,
                PlantedAnswer: parseResult.GetValue(plantedOption) is { Length: 1 } letter ? letter[0] : null,
                Kind: parseResult.GetValue(kindOption) == "instruct" ? ModelKind.Instruct : ModelKind.Base,
                Export: TinyModelExportIds.TryParse(parseResult.GetValue(exportOption), out var export) ? export : TinyModelExport.CpuInt4,
                PruneLmHead: parseResult.GetValue(pruneOption));
            if (spec.PruneLmHead && spec.Export == TinyModelExport.Legacy)
            {
                throw new EvalInputException("needs a builder-shaped export (--export cpu-int4 or fp16-logits); the legacy graph has no pruned form.", field: "--prune-lm-head");
            }

            if (parseResult.GetValue(sizeOption) == "smallest")
            {
                spec = TinyModelSpec.Smallest(spec);
            }
            else if (spec.Tokenizer == TinyTokenizerKind.Qwen3)
            {
                spec = spec with { HiddenSize = 32, Heads = 2, KvHeads = 1, Intermediate = 64 };
            }

            var folder = Path.GetFullPath(parseResult.GetValue(outOption)!);
            var stopwatch = Stopwatch.StartNew();
            TinyModelGenerator.Generate(spec, folder);
            stdout.WriteLine($"wrote {folder} ({spec.Export.ToId()}, {spec.Tokenizer}, {spec.Kind}, seed {spec.Seed}{(spec.PlantedAnswer is { } a ? $", planted answer {a}" : "")}{(spec.PruneLmHead ? ", LM head pruned to the last position" : "")}) in {stopwatch.Elapsed.TotalSeconds:F2} s");
            _ = stderr;
            return QwenEvalCli.ExitOk;
        });
        return command;
    }
}
