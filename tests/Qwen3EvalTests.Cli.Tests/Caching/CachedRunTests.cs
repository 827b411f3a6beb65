using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Qwen3EvalTests.Cli.Tests.Caching;

/// <summary><c>qwen3eval run</c> with its request cache, as separate processes: killed and resumed, repeated, and two at once.</summary>
public sealed class CachedRunTests(CachedRunFixture fixture) : IClassFixture<CachedRunFixture>
{
    [Fact]
    public async Task ResumesARunKilledMidwayFromTheCacheWithResultsIdenticalToAnUninterruptedRun()
    {
        var output = Path.Combine(fixture.Folder, "killed");
        var cacheFile = Path.Combine(output, "cache.sqlite");
        string[] args = ["run", "--benchmark", "mmlu", "--limit", $"{CachedRunFixture.Limit}", "--model", fixture.ModelFolder, "--out", output, "--cache", cacheFile, "--json"];

        long rowsBeforeRestart;
        using (var first = QwenEvalProcess.Start(args))
        {
            var clock = Stopwatch.StartNew();
            while (RowCount(cacheFile) == 0 && !first.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            first.HasExited.Should().BeFalse("the first run must still be going when it is killed, else the test proves nothing");
            first.Kill();
            await first.WaitAsync();
            rowsBeforeRestart = RowCount(cacheFile);
        }

        rowsBeforeRestart.Should().BeInRange(1, fixture.Reference.Count - 1, "the kill must land mid-run: some requests cached, not all");

        var second = await QwenEvalProcess.RunAsync(args);

        second.ExitCode.Should().Be(QwenEvalCli.ExitOk, second.Stderr);
        CachedRunFixture.CacheHitsOf(second.Stdout).Should().Be(rowsBeforeRestart);
        QuestionResult.ReadAll(CachedRunFixture.ResultsFileOf(second.Stdout)).Should().Equal(fixture.Reference);
        RowCount(cacheFile).Should().Be(fixture.Reference.Count);
    }

    [Fact]
    public async Task ServesARepeatedRunEntirelyFromTheCache()
    {
        var output = Path.Combine(fixture.Folder, "repeated");
        string[] args = ["run", "--benchmark", "mmlu", "--limit", "10", "--model", fixture.ModelFolder, "--out", output, "--json"];

        var first = await QwenEvalProcess.RunAsync(args);
        var second = await QwenEvalProcess.RunAsync(args);

        first.ExitCode.Should().Be(QwenEvalCli.ExitOk, first.Stderr);
        second.ExitCode.Should().Be(QwenEvalCli.ExitOk, second.Stderr);
        CachedRunFixture.CacheHitsOf(first.Stdout).Should().Be(0);
        CachedRunFixture.CacheHitsOf(second.Stdout).Should().Be(30);
        File.Exists(Path.Combine(output, "cache.sqlite")).Should().BeTrue("the default cache file is <out>/cache.sqlite");
        QuestionResult.ReadAll(CachedRunFixture.ResultsFileOf(second.Stdout)).Should().Equal(fixture.Reference.Where(q => q.Index < 10));
    }

    [Fact]
    public async Task KeepsASharedCacheSoundWhenTwoRunsWriteItAtOnce()
    {
        var cacheFile = Path.Combine(fixture.Folder, "shared", "cache.sqlite");
        string[] Args(string name) => ["run", "--benchmark", "mmlu", "--limit", "20", "--model", fixture.ModelFolder, "--out", Path.Combine(fixture.Folder, "shared", name), "--cache", cacheFile, "--json"];

        using var a = QwenEvalProcess.Start(Args("a"));
        using var b = QwenEvalProcess.Start(Args("b"));
        var runs = await Task.WhenAll(a.WaitAsync(), b.WaitAsync());

        foreach (var run in runs)
        {
            run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
            run.Stderr.Should().NotContain("warning");
            QuestionResult.ReadAll(CachedRunFixture.ResultsFileOf(run.Stdout)).Should().Equal(fixture.Reference.Where(q => q.Index < 20));
        }

        using var connection = new SqliteConnection($"Data Source={cacheFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        command.ExecuteScalar().Should().Be("ok");
        command.CommandText = "SELECT COUNT(*) FROM results";
        command.ExecuteScalar().Should().Be(60L);
    }

    private static long RowCount(string cacheFile)
    {
        if (!File.Exists(cacheFile))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={cacheFile};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM results";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
