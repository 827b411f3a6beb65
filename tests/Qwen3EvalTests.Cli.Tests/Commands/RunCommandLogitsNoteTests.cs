namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// <c>qwen3eval run</c> tells the user of an export that computes logits at every position to prune its LM head (of an
/// unpruned CPU export with Qwen's vocabulary, how to avoid GenAI's fresh per-call logits buffers), tells the user whose
/// prompts are mostly cut at the model's context, and says nothing otherwise.
/// </summary>
public sealed class RunCommandLogitsNoteTests : IDisposable
{
    private const string EveryPositionNote = "note: this export computes logits at every prompt position";
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
            run.Stderr.Should().Contain(EveryPositionNote, "huge pages are already asked for, pruning is still the fix");
            return;
        }

        run.Stderr.Should().Contain("note: this export returns logits at every appended position").And.Contain("prune_lm_head=true");
        run.Stdout.Should().Contain("ceval", "the note does not stop the run");
    }

    [Fact]
    public async Task AnUnprunedByteModelIsToldToPruneItsLmHeadOnOneLine()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        var note = run.Stderr.Split(Environment.NewLine).Should().ContainSingle(l => l.StartsWith("note:", StringComparison.Ordinal)).Which;
        note.Should().StartWith(EveryPositionNote).And.Contain("prune_lm_head=true").And.Contain("qwen3eval tiny-model --prune-lm-head");
    }

    [Fact]
    public async Task APrunedModelWhosePromptsFitGetsNoNote()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.PrunedFolder, "--benchmark", "ceval", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("note:");
    }

    [Fact]
    public async Task PromptsCutAtAShortContextGetTheTruncationNote()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.ShortQwen3Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain(
            "note: 3 of the first 3 mmlu prompts were cut from the left to fit the model's 64-token context, so they are scored without their start; use a model with a larger context, or fewer --shots.");
    }

    [Fact]
    public async Task PromptsThatFitGetNoTruncationNote()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Qwen3Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("were cut from the left");
    }
}
