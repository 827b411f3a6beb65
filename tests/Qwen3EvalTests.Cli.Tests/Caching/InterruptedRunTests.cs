namespace Qwen3EvalTests.Cli.Tests.Caching;

/// <summary>An interrupted run (SIGTERM, handled like Ctrl-C's SIGINT) stops between chunks, leaves no partial results file and exits 130.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnInterruptedRunStopsCleanlyWithoutAPartialResultsFile()
    {
        using var run = QwenEvalProcess.Start("run", "--benchmark", "mmlu", "--out", _folder, "--no-cache");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Directory.EnumerateFiles(_folder, "*.partial", SearchOption.AllDirectories).Any())
        {
            run.HasExited.Should().BeFalse("the run must still be scoring when it is interrupted");
            DateTime.UtcNow.Should().BeBefore(deadline, "the run should start writing results within a minute");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        run.Signal("TERM");
        var result = await run.WaitAsync();

        result.ExitCode.Should().Be(QwenEvalCli.ExitCancelled, "stderr: {0}", result.Stderr);
        result.Stderr.Should().Contain("cancelled.").And.NotContain("   at ");
        Directory.EnumerateFiles(_folder, "*.partial", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.EnumerateFiles(_folder, "mmlu-*.json", SearchOption.AllDirectories).Should().BeEmpty("an interrupted run writes no results file");
    }
}
