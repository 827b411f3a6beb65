using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Cli.Progress;

/// <summary>
/// The note at the start of a GenAI run on an export that computes logits at every position (no <c>prune_lm_head</c>):
/// scoring reads one row per option, yet every forward call computes and allocates <c>[tokens, vocab]</c>. On a CPU export
/// with a large vocabulary the more specific <see cref="FreshLogitsBufferAdvice"/> is given instead; null for a pruned graph.
/// </summary>
public static class LogitsNote
{
    public static string? For(OnnxGraphSummary graph, string executionProvider, string? glibcTunables)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.LastPositionLogitsOnly)
        {
            return null;
        }

        return FreshLogitsBufferAdvice.For(graph, executionProvider, glibcTunables)
            ?? "note: this export computes logits at every prompt position ([tokens, vocab] per forward call where scoring reads one row), which makes long prompts slow; "
            + "export with the model builder's --extra_options prune_lm_head=true (a generated model: qwen3eval tiny-model --prune-lm-head).";
    }
}
