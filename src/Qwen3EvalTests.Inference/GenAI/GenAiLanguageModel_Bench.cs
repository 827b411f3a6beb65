using Qwen3EvalTests.Inference.Bench;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private Action<PrefillRecord>? prefillLog;

    /// <summary>Prefill every scoring request from its first token, reusing nothing (the bench's naive run).</summary>
    internal bool PrefillsFromScratch { get; set; }

    /// <summary>Hands every forward call from now on to <paramref name="onForward"/>: what the bench counts and the floor replays.</summary>
    internal void RecordPrefills(Action<PrefillRecord> onForward) => prefillLog = onForward;
}
