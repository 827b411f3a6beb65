using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Cli.Tests;

/// <summary>
/// The generated tiny model, made once per test run (and kept beside the test binaries between
/// runs), so end-to-end tests pass --model instead of each generating it in their own --out folder.
/// </summary>
public static class TinyModel
{
    private static readonly Lazy<string> FolderValue = new(
        () => TinyModelCache.GetOrCreate(new TinyModelSpec(), Path.Combine(AppContext.BaseDirectory, "tiny-models")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> Qwen3FolderValue = new(
        () => TinyModelCache.GetOrCreate(TinyModelSpec.Smallest(new TinyModelSpec(Tokenizer: TinyTokenizerKind.Qwen3)), Path.Combine(AppContext.BaseDirectory, "tiny-models")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> ShortQwen3FolderValue = new(
        () => TinyModelCache.GetOrCreate(TinyModelSpec.Smallest(new TinyModelSpec(Tokenizer: TinyTokenizerKind.Qwen3, ContextLength: 64)), Path.Combine(AppContext.BaseDirectory, "tiny-models")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> PrunedFolderValue = new(
        () => TinyModelCache.GetOrCreate(new TinyModelSpec(PruneLmHead: true), Path.Combine(AppContext.BaseDirectory, "tiny-models")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => FolderValue.Value;

    /// <summary>As <see cref="Folder"/>, exported with prune_lm_head: logits of the last position only.</summary>
    public static string PrunedFolder => PrunedFolderValue.Value;

    /// <summary>The smallest model with the real Qwen3 tokenizer.</summary>
    public static string Qwen3Folder => Qwen3FolderValue.Value;

    /// <summary>As <see cref="Qwen3Folder"/> with a context of 64 tokens, so a sample prompt does not fit.</summary>
    public static string ShortQwen3Folder => ShortQwen3FolderValue.Value;
}
