namespace Qwen3EvalTests.Models;

/// <summary>What a backend did so far: tokens actually prefilled, model runs, time inside the engine.</summary>
/// <param name="PrefilledTokens">Tokens fed through the model (a reused KV-cache prefix is not counted again).</param>
/// <param name="ForwardCalls">Model runs (one per AppendTokens / GenerateNextToken).</param>
/// <param name="ReusedTokens">Tokens served from a cached prefix instead of being prefilled again.</param>
/// <param name="ForwardTime">Wall time spent inside the engine: forward calls and fetching their logits.</param>
public sealed record InferenceCounters(long PrefilledTokens, long ForwardCalls, long ReusedTokens, TimeSpan ForwardTime)
{
    public static InferenceCounters Zero { get; } = new(0, 0, 0, TimeSpan.Zero);

    public InferenceCounters Minus(InferenceCounters earlier) => new(
        PrefilledTokens - earlier.PrefilledTokens,
        ForwardCalls - earlier.ForwardCalls,
        ReusedTokens - earlier.ReusedTokens,
        ForwardTime - earlier.ForwardTime);
}
