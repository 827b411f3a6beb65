namespace Qwen3EvalTests.Models;

/// <summary>The log-likelihood of one continuation.</summary>
/// <param name="LogProb">Sum of log p(token | everything before) over the continuation's tokens (natural log).</param>
/// <param name="TokenCount">How many tokens the continuation has.</param>
/// <param name="IsGreedy">Whether every continuation token is the argmax at its position.</param>
public sealed record ContinuationScore(double LogProb, int TokenCount, bool IsGreedy);
