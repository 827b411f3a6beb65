using System.Text.Json;
using Qwen3EvalTests.Cli.Tests.Caching;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>SIGKILL and SIGTERM mid-run, and two runs sharing an output folder and a cache, as separate processes.</summary>
public sealed class InterruptionTests : IDisposable
{
    /// <summary>mmlu's sample, 40 questions of each of 3 subjects, zero-shot: 9 chunks, under a second of scoring.</summary>
    private const int Questions = 120;
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task SigkillMidRunLeavesNoResultsFileUnderItsNameAndTheRerunResumes()
    {
        var cache = _scratch["cache.sqlite"];
        var args = Args(cache);

        long rowsAtKill;
        using (var run = QwenEvalProcess.Start(args))
        {
            await CacheRows.WaitForFirstRowAsync(cache, () => !run.HasExited);
            run.HasExited.Should().BeFalse("the kill must land mid-run");
            run.Kill();
            (await run.WaitAsync()).Log();
            rowsAtKill = CacheRows.Count(cache);
        }

        rowsAtKill.Should().BeInRange(1, Questions - 1, "some chunks were answered, not all");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().OnlyContain(f => f.EndsWith(".partial", StringComparison.Ordinal), "a killed run leaves at most a *.partial file, never a results file a reader would take");
        var rerun = await QwenEvalProcess.RunAsync(args);
        rerun.Log();

        rerun.ExitCode.Should().Be(QwenEvalCli.ExitOk, rerun.Stderr);
        CacheHits(rerun).Should().Be(rowsAtKill, "everything answered before the kill is served from the cache");
        ResultsFile.Read(ResultsFileOf(rerun)).Questions.Should().HaveCount(Questions);
    }

    [Fact]
    public async Task SigtermMidRunStopsCleanlyWithExit130AndTheRerunResumes()
    {
        var cache = _scratch["cache.sqlite"];
        var args = Args(cache);

        CliRun stopped;
        using (var run = QwenEvalProcess.Start(args))
        {
            await CacheRows.WaitForFirstRowAsync(cache, () => !run.HasExited);
            run.HasExited.Should().BeFalse("the signal must land mid-run");
            run.Signal("TERM");
            stopped = await run.WaitAsync();
        }

        var rowsAtStop = CacheRows.Count(cache);
        stopped.Log();
        stopped.ExitCode.Should().Be(QwenEvalCli.ExitCancelled, stopped.Stderr);
        stopped.Stderr.Should().Contain("cancelled.");
        stopped.ShouldPrintNoStackTrace();
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty("a cancelled run removes its partial results file");
        rowsAtStop.Should().BeInRange(1, Questions - 1);

        var rerun = await QwenEvalProcess.RunAsync(args);
        rerun.Log();

        rerun.ExitCode.Should().Be(QwenEvalCli.ExitOk, rerun.Stderr);
        CacheHits(rerun).Should().Be(rowsAtStop);
    }

    [Fact]
    public async Task TwoRunsSharingAnOutputFolderAndACacheBothFinishWithTheSameSoundResults()
    {
        var cache = _scratch["cache.sqlite"];
        string[] args = ["run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "2", "--shots", "0", "--out", _scratch["out"], "--cache", cache, "--json"];

        using var a = QwenEvalProcess.Start(args);
        using var b = QwenEvalProcess.Start(args);
        var runs = await Task.WhenAll(a.WaitAsync(), b.WaitAsync());

        foreach (var run in runs)
        {
            run.Log();
            run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
            run.Stderr.Should().NotContain("warning");
        }

        ResultsFileOf(runs[0]).Should().Be(ResultsFileOf(runs[1]), "both write the same results file");
        ResultsFile.Read(ResultsFileOf(runs[0])).Answers().Should().HaveCount(6);
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().ContainSingle("each run wrote under its own temporary name and moved its complete file into place");
        CacheRows.Scalar(cache, "PRAGMA integrity_check").Should().Be("ok");
        CacheRows.Count(cache).Should().Be(6);
    }

    private string[] Args(string cache) =>
        ["run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "40", "--shots", "0", "--out", _scratch["out"], "--cache", cache, "--json"];

    private static JsonElement Entry(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results")[0];

    private static long CacheHits(CliRun run) => Entry(run).GetProperty("cacheHits").GetInt64();

    private static string ResultsFileOf(CliRun run) => Entry(run).GetProperty("resultsFile").GetString()!;
}
