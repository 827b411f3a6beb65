namespace Qwen3EvalTests.Cli.Tests;

/// <summary>
/// One repeated run (<c>run --repeats 2</c>, table form) and one sensitivity analysis of the tiny
/// model, made once and shared by the tests of the "tiny runs" collection, which read its outputs.
/// </summary>
public sealed class TinyRunOutputs : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("qwen3eval-tiny-runs-").FullName;

    public CliRun Run { get; private set; } = new(-1, "", "");

    public CliRun Sensitivity { get; private set; } = new(-1, "", "");

    public IReadOnlyList<string> RepeatFiles => [.. Directory.GetFiles(Folder, "mmlu-qwen-5shot-r*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public string SensitivityFile => Directory.GetFiles(Folder, "mmlu-sensitivity.json", SearchOption.AllDirectories).Single();

    public async ValueTask InitializeAsync()
    {
        Run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--repeats", "2", "--out", Folder);
        Sensitivity = await CliRun.RunAsync("sensitivity", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--factors", "average", "--out", Folder);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
