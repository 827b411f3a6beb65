using Qwen3EvalTests.Inference.Bench;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private List<PrefillRecord>? prefillLog;

    /// <summary>Prefill every scoring request from its first token, reusing nothing (the bench's naive run).</summary>
    internal bool PrefillsFromScratch { get; set; }

    /// <summary>Appends every forward call from now on to <paramref name="log"/>: what the bench's floor replays.</summary>
    internal void RecordPrefills(List<PrefillRecord> log) => prefillLog = log;
}
