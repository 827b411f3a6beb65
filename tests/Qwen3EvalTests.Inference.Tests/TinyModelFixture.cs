using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests;

/// <summary>The tiny models of this test run, generated once (reused across runs) under obj/tiny-models.</summary>
public sealed class TinyModelFixture
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "tiny-models");

    public static TinyModelSpec BytesSpec { get; } = new(Seed: 1);

    public static TinyModelSpec PlantedBytesSpec(char letter) => new(Seed: 7, PlantedAnswer: letter);

    public static TinyModelSpec BytesInstructSpec { get; } = new(Seed: 3, Kind: ModelKind.Instruct);

    /// <summary>The real-tokenizer model: vocabulary 151,936, so the width stays small.</summary>
    public static TinyModelSpec Qwen3Spec { get; } = new(Seed: 5, Tokenizer: TinyTokenizerKind.Qwen3, HiddenSize: 32, Heads: 2, KvHeads: 1, Intermediate: 64);

    public static TinyModelSpec PlantedQwen3Spec(char letter) => Qwen3Spec with { PlantedAnswer = letter };

    public static string Folder(TinyModelSpec spec) => TinyModelCache.GetOrCreate(spec, Root);
}
