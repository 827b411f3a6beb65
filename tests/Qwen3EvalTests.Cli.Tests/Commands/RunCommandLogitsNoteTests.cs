namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary><c>qwen3eval run</c> tells the user of an unpruned CPU export with Qwen's vocabulary how to avoid GenAI's fresh per-call logits buffers, and says nothing otherwise.</summary>
public sealed class RunCommandLogitsNoteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-note-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool HugePagesAsked() =>
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.hugetlb=1", StringComparison.Ordinal) == true;

    [Fact]
    public async Task AnUnprunedQwen3ExportGetsTheNoteAndStillRuns()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Qwen3Folder, "--benchmark", "ceval", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        if (HugePagesAsked())
        {
            run.Stderr.Should().NotContain("note:", "huge pages are already asked for");
            return;
        }

        run.Stderr.Should().Contain("note: this export returns logits at every appended position").And.Contain("prune_lm_head=true");
        run.Stdout.Should().Contain("ceval", "the note does not stop the run");
    }

    [Fact]
    public async Task TheByteModelGetsNoNote()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("note:");
    }
}
