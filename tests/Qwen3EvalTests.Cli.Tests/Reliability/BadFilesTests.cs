using System.Text.Json;
using Qwen3EvalTests.Caching;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Suite YAML, results files and cache files that this harness cannot read: exit 2 naming the file and the fix; the file is left as it was.</summary>
public sealed class BadFilesTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task SuiteYamlThatDoesNotParseNamesItsFileAndLine()
    {
        var repo = RepositoryWithSuite("schemaVersion: 1\nname: tiny: broken\nfamily: tiny\n");

        var run = await CliRun.RunAsync("baseline", "record", "--repo", repo);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, Path.Combine(repo, "evalsuites", "broken.yaml") + ":2", "not valid YAML");
    }

    [Fact]
    public async Task SuiteYamlWithBadEntriesReportsEveryProblemTogether()
    {
        var repo = RepositoryWithSuite("schemaVersion: 1\nname: tiny-broken\nfamily: tiny\nmodels:\n  - id: a\n    kind: weird\n    folder: a\n");

        var run = await CliRun.RunAsync("baseline", "record", "--repo", repo);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "problems in the suites", "broken.yaml:6: models[0].kind: 'weird' is not a model kind", "broken.yaml:1: tolerance: missing", "broken.yaml:1: benchmarks: missing");
    }

    [Fact]
    public async Task AResultsFileFromAFutureFormatVersionIsRefusedByCompareAndReport()
    {
        var made = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--no-cache", "--json");
        made.ExitCode.Should().Be(QwenEvalCli.ExitOk, made.Stderr);
        var current = JsonDocument.Parse(made.Stdout).RootElement.GetProperty("results")[0].GetProperty("resultsFile").GetString()!;
        var future = _scratch["future.json"];
        File.WriteAllText(future, File.ReadAllText(current).Replace("\"formatVersion\": 1,", "\"formatVersion\": 9,", StringComparison.Ordinal));

        var compare = await CliRun.RunAsync("compare", current, future);
        var report = await CliRun.RunAsync("report", future, "--out", _scratch["report"]);

        compare.ShouldFailNaming(QwenEvalCli.ExitBadInput, future, "field 'formatVersion'", "results format version 9 is not supported", "reads version 1");
        report.ShouldFailNaming(QwenEvalCli.ExitBadInput, future, "results format version 9 is not supported");
    }

    [Fact]
    public async Task ACacheFileFromAFutureFormatVersionIsRefusedAndKept()
    {
        var cache = _scratch["cache.sqlite"];
        RequestCache.Open(cache, _ => { }).Dispose();
        CacheRows.Scalar(cache, "UPDATE meta SET value = '9' WHERE name = 'format'");

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--cache", cache);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, cache, "field 'meta.format'", "format version 9", "--no-cache");
        CacheRows.Scalar(cache, "SELECT value FROM meta WHERE name = 'format'").Should().Be("9", "a newer harness's cache is neither rebuilt nor moved aside");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    private string RepositoryWithSuite(string yaml)
    {
        var repo = _scratch["repo"];
        Directory.CreateDirectory(Path.Combine(repo, "evalsuites"));
        Directory.CreateDirectory(Path.Combine(repo, "baselines"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "baselines", "official.json"), Path.Combine(repo, "baselines", "official.json"));
        File.WriteAllText(Path.Combine(repo, "evalsuites", "broken.yaml"), yaml);
        return repo;
    }
}
