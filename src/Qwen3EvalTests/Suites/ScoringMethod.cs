namespace Qwen3EvalTests.Suites;

/// <summary>How an answer is scored: next-token log-likelihood of the options, or generated text.</summary>
public enum ScoringMethod
{
    LogLikelihood,
    Generation,
}
