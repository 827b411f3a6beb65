namespace Qwen3EvalTests.Inference.Bench;

/// <summary>
/// The fewest tokens a KV cache holding one sequence can prefill for a run's forward calls, counted as they happen: each
/// full sequence (the cache's kept tokens plus the appended ones) counts its tokens beyond what it shares with the sequence
/// before it. Within a subject that shares at least the few-shot prefix, so this is at most "each subject's prefix once
/// plus what truncation forces". Holds one sequence, not the run.
/// </summary>
internal sealed class MinimumTokenCount
{
    private readonly List<int> held = [];
    private int[] previous = [];

    public long Tokens { get; private set; }

    public void Add(PrefillRecord record)
    {
        held.RemoveRange(record.Start, held.Count - record.Start);
        held.AddRange(record.Tokens);
        int[] sequence = [.. held];
        Tokens += sequence.Length - sequence.AsSpan().CommonPrefixLength(previous);
        previous = sequence;
    }
}
