using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests;

/// <summary>The tiny models of this test run, generated once (reused across runs) under obj/tiny-models.</summary>
public sealed class TinyModelFixture
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "tiny-models");

    /// <summary>Every export, by id, for theories that run on each ("cpu-int4", "fp16-logits", "legacy").</summary>
    public static TheoryData<string> Exports { get; } = [.. TinyModelExportIds.All];

    /// <summary>The byte-tokenizer model in the default export (cpu-int4, as the GenAI model builder writes it).</summary>
    public static TinyModelSpec BytesSpec { get; } = new(Seed: 1);

    public static TinyModelSpec BytesSpecIn(string export) => BytesSpec with { Export = Export(export) };

    public static TinyModelSpec PlantedBytesSpec(char letter) => new(Seed: 7, PlantedAnswer: letter);

    public static TinyModelSpec BytesInstructSpec { get; } = new(Seed: 3, Kind: ModelKind.Instruct);

    /// <summary>The real-tokenizer model: vocabulary 151,936, so the width stays small.</summary>
    public static TinyModelSpec Qwen3Spec { get; } = new(Seed: 5, Tokenizer: TinyTokenizerKind.Qwen3, HiddenSize: 32, Heads: 2, KvHeads: 1, Intermediate: 64);

    public static TinyModelSpec PlantedQwen3Spec(char letter) => Qwen3Spec with { PlantedAnswer = letter };

    public static string Folder(TinyModelSpec spec) => TinyModelCache.GetOrCreate(spec, Root);

    public static TinyModelExport Export(string id) =>
        TinyModelExportIds.TryParse(id, out var export) ? export : throw new ArgumentException($"unknown export '{id}'", nameof(id));
}
