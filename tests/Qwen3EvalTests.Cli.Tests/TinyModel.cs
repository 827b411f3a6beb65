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

    public static string Folder => FolderValue.Value;
}
