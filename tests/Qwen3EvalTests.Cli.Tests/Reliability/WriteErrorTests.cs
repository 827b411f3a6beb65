using System.Text.Json;
using Qwen3EvalTests.Cli.Tests.Caching;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>A real full disk and a real read-only file system (small tmpfs mounts): one clear error, no half-written results, a readable cache.</summary>
public sealed class WriteErrorTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task AFullDiskWhenTheResultsFileIsCreatedIsOneErrorAndLeavesNoPartialFile()
    {
        using var disk = SmallTmpfs.MountOrSkip(_scratch.Path, "256k");
        disk.Fill();

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", disk.Path, "--cache", _scratch["cache.sqlite"]);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"no space left on device while writing {Path.Combine(disk.Path, Path.GetFileName(TinyModel.Folder), "mmlu-qwen-5shot.json")}");
        CatalogueAssertions.ResultsFilesUnder(disk.Path).Should().BeEmpty("neither a results file nor a partial one is left on the full disk");
    }

    [Fact]
    public async Task AFullDiskMidRunWhileWritingResultsIsOneErrorAndTheCacheKeepsEveryAnsweredQuestion()
    {
        using var disk = SmallTmpfs.MountOrSkip(_scratch.Path, "256k");
        var cache = _scratch["cache.sqlite"];
        string[] args = ["run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "40", "--shots", "0", "--cache", cache, "--json", "--out"];

        CliRun failed;
        using (var run = QwenEvalProcess.Start([.. args, disk.Path]))
        {
            await CacheRows.WaitForFirstRowAsync(cache, () => !run.HasExited);
            run.HasExited.Should().BeFalse("the disk must fill mid-run");
            disk.Fill();
            failed = await run.WaitAsync();
        }

        failed.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"no space left on device while writing {Path.Combine(disk.Path, Path.GetFileName(TinyModel.Folder), "mmlu-qwen-0shot.json")}");
        CatalogueAssertions.ResultsFilesUnder(disk.Path).Should().BeEmpty("neither a results file nor a partial one is left on the full disk");
        var kept = CacheRows.Count(cache);
        kept.Should().BeGreaterThan(0);

        var rerun = await QwenEvalProcess.RunAsync([.. args, _scratch["out"]]);

        rerun.ExitCode.Should().Be(QwenEvalCli.ExitOk, rerun.Stderr);
        JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("results")[0].GetProperty("cacheHits").GetInt64().Should().Be(kept, "every question answered before the disk filled is served from the cache");
    }

    [Fact]
    public async Task AFullDiskWhileWritingTheCacheIsOneErrorAndTheCacheStaysReadable()
    {
        using var disk = SmallTmpfs.MountOrSkip(_scratch.Path, "1m");
        var cache = Path.Combine(disk.Path, "cache.sqlite");
        string[] args = ["run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "40", "--shots", "0", "--out", _scratch["out"], "--cache", cache, "--json"];

        CliRun failed;
        using (var run = QwenEvalProcess.Start(args))
        {
            await CacheRows.WaitForFirstRowAsync(cache, () => !run.HasExited);
            run.HasExited.Should().BeFalse("the disk must fill mid-run");
            disk.Fill();
            failed = await run.WaitAsync();
        }

        failed.ShouldFailNaming(QwenEvalCli.ExitBadInput, cache, "no space left on device while writing the request cache");
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
        disk.Free();
        CacheRows.Scalar(cache, "PRAGMA integrity_check").Should().Be("ok");
        var kept = CacheRows.Count(cache);
        kept.Should().BeInRange(1, 119, "some of the 120 questions were answered before the disk filled, not all");

        var rerun = await QwenEvalProcess.RunAsync(args);

        rerun.ExitCode.Should().Be(QwenEvalCli.ExitOk, rerun.Stderr);
        JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("results")[0].GetProperty("cacheHits").GetInt64().Should().Be(kept);
    }

    [Fact]
    public void AFullDiskWhileWritingASensitivityReportOrRecordedRunLeavesNothingUnderItsName()
    {
        using var disk = SmallTmpfs.MountOrSkip(_scratch.Path, "256k");
        var path = Path.Combine(disk.Path, "mmlu-sensitivity.json");

        var write = () => WholeFileWriter.Write(path, new string('x', 1 << 20), "rerun.");

        write.Should().Throw<EvalInputException>().WithMessage($"no space left on device while writing {path}; *");
        Directory.EnumerateFiles(disk.Path).Should().BeEmpty("neither the file nor its partial is left on the full disk");
    }

    [Fact]
    public async Task AReadOnlyCacheIsRefusedBeforeTheRunAndKeepsItsRows()
    {
        using var disk = SmallTmpfs.MountOrSkip(_scratch.Path, "1m");
        var cache = Path.Combine(disk.Path, "cache.sqlite");
        string[] args = ["run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--cache", cache, "--json"];
        (await CliRun.RunAsync(args)).ExitCode.Should().Be(QwenEvalCli.ExitOk);
        disk.Remount("ro");

        var run = await CliRun.RunAsync(args);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, cache, "--cache", "Read-only file system", "--no-cache");
        disk.Remount("rw");
        CacheRows.Scalar(cache, "PRAGMA integrity_check").Should().Be("ok");
        var rerun = await CliRun.RunAsync(args);
        rerun.ExitCode.Should().Be(QwenEvalCli.ExitOk, rerun.Stderr);
        JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("results")[0].GetProperty("cacheHits").GetInt64().Should().Be(3);
    }
}
