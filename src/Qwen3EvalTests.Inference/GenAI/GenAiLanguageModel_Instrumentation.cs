namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private Action<PrefillRecord>? prefillLog;

    /// <summary>Prefill every scoring request from its first token, reusing nothing (the bench's naive run). Answers do not change.</summary>
    public bool PrefillsFromScratch { get; set; }

    /// <summary>Hands every forward call from now on to <paramref name="onForward"/>: what the bench counts and its floor replays.</summary>
    public void RecordPrefills(Action<PrefillRecord> onForward) => prefillLog = onForward;
}
