using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Caching;

/// <summary>
/// A temporary folder with the tiny model generated once and an uninterrupted, uncached reference run of
/// MMLU's sample (<see cref="Limit"/> questions per subject) to compare cached and resumed runs against.
/// </summary>
public sealed class CachedRunFixture : IAsyncLifetime
{
    public const int Limit = 40;

    public string Folder { get; } = Directory.CreateTempSubdirectory("qwen3eval-cache-cli-").FullName;

    public string ModelFolder { get; private set; } = "";

    internal IReadOnlyList<QuestionResult> Reference { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var run = await QwenEvalProcess.RunAsync("run", "--benchmark", "mmlu", "--limit", $"{Limit}", "--out", Path.Combine(Folder, "reference"), "--no-cache", "--json");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reference run failed ({run.ExitCode}): {run.Stderr}");
        }

        ModelFolder = Directory.GetDirectories(Path.Combine(Folder, "reference", "models")).Single();
        Reference = QuestionResult.ReadAll(ResultsFileOf(run.Stdout));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    internal static string ResultsFileOf(string jsonStdout) => Entry(jsonStdout).GetProperty("resultsFile").GetString()!;

    internal static long? CacheHitsOf(string jsonStdout) =>
        Entry(jsonStdout).GetProperty("cacheHits") is { ValueKind: JsonValueKind.Number } hits ? hits.GetInt64() : null;

    private static JsonElement Entry(string jsonStdout) =>
        JsonDocument.Parse(jsonStdout).RootElement.GetProperty("results")[0].Clone();
}
