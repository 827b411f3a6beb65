namespace Qwen3EvalTests.Results;

/// <summary>What the run cost: tokens prefilled and reused, model runs, and where the time went.</summary>
/// <param name="PrefilledTokens">Tokens fed through the model.</param>
/// <param name="ReusedTokens">Tokens served from a reused KV-cache prefix.</param>
/// <param name="ForwardCalls">Model runs.</param>
/// <param name="ForwardSeconds">Wall time inside the engine.</param>
/// <param name="TotalSeconds">Wall time of the whole run.</param>
public sealed record RunCounters(long PrefilledTokens, long ReusedTokens, long ForwardCalls, double ForwardSeconds, double TotalSeconds)
{
    /// <summary>Time outside the engine (reading, prompt rendering, scoring, writing).</summary>
    public double HarnessSeconds => Math.Max(0, TotalSeconds - ForwardSeconds);
}
