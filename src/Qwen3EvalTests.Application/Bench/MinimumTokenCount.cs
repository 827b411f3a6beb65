using System.Runtime.InteropServices;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// The fewest tokens a KV cache holding one sequence can prefill for a run's forward calls, counted as they happen: each
/// full sequence (the cache's kept tokens plus the appended ones) counts its tokens beyond what it shares with the sequence
/// before it. Within a subject that shares at least the few-shot prefix, so this is at most "each subject's prefix once
/// plus what truncation forces". Holds one sequence, not the run.
/// </summary>
internal sealed class MinimumTokenCount
{
    private readonly List<int> held = [];

    public long Tokens { get; private set; }

    public void Add(PrefillRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The new sequence is the held one's first Start tokens, then the appended ones: it shares those Start tokens with the
        // sequence before it, and then as many appended tokens as equal the ones held after Start.
        var shared = record.Tokens.AsSpan().CommonPrefixLength(CollectionsMarshal.AsSpan(held)[record.Start..]);
        Tokens += record.Tokens.Length - shared;
        held.RemoveRange(record.Start, held.Count - record.Start);
        held.AddRange(record.Tokens);
    }
}
