namespace Qwen3EvalTests.Models;

/// <summary>The answer to one <see cref="LogLikelihoodRequest"/>.</summary>
/// <param name="Continuations">One score per continuation, in request order.</param>
/// <param name="ContextTokenCount">Context tokens actually fed (after truncation).</param>
/// <param name="TruncatedTokenCount">Context tokens dropped from the left to fit (0 when none).</param>
/// <param name="ContextLogProb">With <see cref="LogLikelihoodRequest.IncludeContextLogProb"/>: summed log-probability of context tokens 2..n (the first has no prediction); else null.</param>
public sealed record LogLikelihoodResult(
    IReadOnlyList<ContinuationScore> Continuations,
    int ContextTokenCount,
    int TruncatedTokenCount,
    double? ContextLogProb);
