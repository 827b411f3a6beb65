namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// What to tell the user of a CPU export whose graph returns logits at every appended position. GenAI (0.18,
/// <c>Logits::Update</c>) allocates that <c>[batch, tokens, vocab]</c> output through ONNX Runtime's default allocator
/// whenever the appended length changes, which on a scoring run is every forward call; a buffer that large is fresh
/// mmapped memory each time, so the kernel faults in and zeroes it page by page. On the unpruned smallest model that was
/// 7.6 M minor faults for 285 questions and 1.57 × the floor's forward time (README "Performance"). Two things remove
/// most of it: exporting with <c>prune_lm_head</c> (one logits row per call) or letting glibc back its mmapped blocks with
/// transparent huge pages (<c>GLIBC_TUNABLES=glibc.malloc.hugetlb=1</c>, read at process start).
/// </summary>
public static class FreshLogitsBufferAdvice
{
    /// <summary>The environment variable glibc reads its tunables from, once, at process start.</summary>
    public const string TunablesVariable = "GLIBC_TUNABLES";

    /// <summary>The tunable setting that makes malloc advise transparent huge pages for its mmapped blocks (glibc 2.35+).</summary>
    public const string HugePagesTunable = "glibc.malloc.hugetlb=1";

    /// <summary>
    /// The note for this graph on this provider, or null when there is nothing to say: a pruned graph, a GPU provider
    /// (logits stay in device memory), a row smaller than glibc's mmap threshold (such buffers come from the heap and are
    /// reused), or huge pages already asked for (<c>glibc.malloc.hugetlb</c> 1 or 2).
    /// </summary>
    public static string? For(OnnxGraphSummary graph, string executionProvider, string? glibcTunables)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (executionProvider != "cpu" || graph.LastPositionLogitsOnly || AsksForHugePages(glibcTunables))
        {
            return null;
        }

        var rowBytes = graph.LogitsVocabSize * (graph.LogitsElementType == 1 ? 4 : 2);
        if (rowBytes is not { } bytes || bytes < NativeHeap.MmapThresholdBytes)
        {
            return null;
        }

        return $"note: this export returns logits at every appended position ([tokens, {graph.LogitsVocabSize}] per forward call, {bytes / 1024.0:F0} KiB a token), which GenAI allocates afresh for each call; "
            + $"export with the model builder's --extra_options prune_lm_head=true, or start the process with {TunablesVariable}={HugePagesTunable} so those buffers get huge pages (README \"Performance\").";
    }

    /// <summary>Whether the tunables string sets <c>glibc.malloc.hugetlb</c> to 1 or 2 (colon-separated name=value pairs).</summary>
    public static bool AsksForHugePages(string? glibcTunables) =>
        glibcTunables is not null
        && glibcTunables.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(pair => pair is "glibc.malloc.hugetlb=1" or "glibc.malloc.hugetlb=2");
}
