namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// One token's entry of a next-token row, read when the row was held: its logit, and the row's <see cref="RowSummary"/>,
/// which may still be computing. <see cref="LogProb"/> and <see cref="IsGreedy"/> wait for it, so a score can be read
/// after the engine has moved on to the next forward call.
/// </summary>
internal readonly record struct TokenLogProb(RowSummary Row, float Logit, int Token)
{
    /// <summary>log p(token) = logit − log Σ exp(row).</summary>
    public double LogProb => Logit - Row.LogSumExp;

    /// <summary>The token is the row's first arg max (greedy decoding would pick it).</summary>
    public bool IsGreedy => Row.ArgMax == Token;
}
