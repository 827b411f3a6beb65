using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class FreshLogitsBufferAdviceTests
{
    private static OnnxGraphSummary GraphOf(Qwen3EvalTests.Inference.TinyModels.TinyModelSpec spec) =>
        GenAiModelFolder.Open(TinyModelFixture.Folder(spec)).Graph;

    [Fact]
    public void AnUnprunedCpuExportWithQwensVocabularyNamesBothRemedies()
    {
        var note = FreshLogitsBufferAdvice.For(GraphOf(TinyModelFixture.Qwen3Spec), "cpu", glibcTunables: null);

        // 151,936 float32 logits a position: 593.5 KiB, above glibc's 128 KiB mmap threshold.
        note.Should().NotBeNull();
        note.Should().Contain("[tokens, 151936]").And.Contain("594 KiB a token")
            .And.Contain("prune_lm_head=true").And.Contain("GLIBC_TUNABLES=glibc.malloc.hugetlb=1");
    }

    [Fact]
    public void APrunedExportGetsNoNote() =>
        FreshLogitsBufferAdvice.For(GraphOf(TinyModelFixture.Qwen3Spec with { PruneLmHead = true }), "cpu", null).Should().BeNull();

    [Fact]
    public void AByteVocabularyGetsNoNoteItsRowsComeFromTheHeap() =>
        FreshLogitsBufferAdvice.For(GraphOf(TinyModelFixture.BytesSpec), "cpu", null).Should().BeNull();

    [Fact]
    public void AGpuProviderGetsNoNote() =>
        FreshLogitsBufferAdvice.For(GraphOf(TinyModelFixture.Qwen3Spec), "cuda", null).Should().BeNull();

    [Theory]
    [InlineData("glibc.malloc.hugetlb=1", true)]
    [InlineData("glibc.malloc.hugetlb=2", true)]
    [InlineData("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", true)]
    [InlineData("glibc.malloc.hugetlb=0", false)]
    [InlineData("glibc.malloc.arena_max=2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void HugePagesAreAskedForByTheHugetlbTunableOnly(string? tunables, bool asked)
    {
        FreshLogitsBufferAdvice.AsksForHugePages(tunables).Should().Be(asked);
        var note = FreshLogitsBufferAdvice.For(GraphOf(TinyModelFixture.Qwen3Spec), "cpu", tunables);
        (note is null).Should().Be(asked);
    }
}
