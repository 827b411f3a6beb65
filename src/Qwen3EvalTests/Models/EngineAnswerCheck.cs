using System.Globalization;

namespace Qwen3EvalTests.Models;

/// <summary>
/// What an engine's answer must be before anything uses it: the one check every engine's scores pass (through
/// <see cref="CheckedLanguageModel"/>, which every engine is opened in) and every cached score passes again when it is read. A
/// log-probability is finite and at most <see cref="LogProbTolerance"/> (0 plus rounding); a result answers every continuation
/// asked, with the tokens asked (when the ids are known) and non-negative token counts; the context log-probability is there
/// when it was asked for.
/// </summary>
public static class EngineAnswerCheck
{
    /// <summary>
    /// How far above 0 a summed log-probability may be and still be taken as 0: float32 log-softmax rounds a near-certain
    /// token to a few 1e-7 above 0, and a sum over a continuation's tokens adds them up. Anything above is a wrong number.
    /// </summary>
    public const double LogProbTolerance = 1e-4;

    /// <summary>What is wrong with <paramref name="result"/>'s numbers on their own (no request needed: a cached row), or null.</summary>
    public static string? ProblemOf(LogLikelihoodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Continuations is null)
        {
            return "the result has no continuation scores";
        }

        for (var i = 0; i < result.Continuations.Count; i++)
        {
            var score = result.Continuations[i];
            if (score is null)
            {
                return Invariant($"continuation {i} has no score");
            }

            if (LogProbProblem(score.LogProb) is { } problem)
            {
                return Invariant($"continuation {i} has a log-probability of {Shown(score.LogProb)}: {problem}");
            }

            if (score.TokenCount < 0)
            {
                return Invariant($"continuation {i} has a token count of {score.TokenCount}");
            }
        }

        if (result.ContextLogProb is { } context && LogProbProblem(context) is { } contextProblem)
        {
            return $"the context has a log-probability of {Shown(context)}: {contextProblem}";
        }

        if (result.ContextTokenCount < 0 || result.TruncatedTokenCount < 0)
        {
            return Invariant($"the context token counts are negative ({result.ContextTokenCount} fed, {result.TruncatedTokenCount} truncated)");
        }

        return null;
    }

    /// <summary>What is wrong with <paramref name="result"/> as the answer to <paramref name="request"/>, or null.</summary>
    public static string? ProblemOf(LogLikelihoodRequest request, LogLikelihoodResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ProblemOf(result) is { } problem)
        {
            return problem;
        }

        if (result.Continuations.Count != request.Continuations.Count)
        {
            return Invariant($"the result has {result.Continuations.Count} continuation scores for {request.Continuations.Count} continuations asked");
        }

        if (request.Tokenized is { } tokenized && !request.NextTokenOnly)
        {
            for (var i = 0; i < result.Continuations.Count; i++)
            {
                if (result.Continuations[i].TokenCount != tokenized.Continuations[i].Count)
                {
                    return Invariant($"continuation {i} was scored over {result.Continuations[i].TokenCount} tokens, not the {tokenized.Continuations[i].Count} asked");
                }
            }
        }

        if (request.IncludeContextLogProb && result.ContextLogProb is null)
        {
            return "the context log-probability was asked for and is missing";
        }

        return null;
    }

    /// <summary>
    /// The engine fault for a wrong answer of <paramref name="engine"/> to <paramref name="request"/>, or null when the answer is
    /// sound: it names the engine, the request and the value, and says what to check.
    /// </summary>
    public static EngineFaultException? FaultOf(ILanguageModel engine, LogLikelihoodRequest request, LogLikelihoodResult result)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (ProblemOf(request, result) is not { } problem)
        {
            return null;
        }

        return new EngineFaultException(
            $"{engine.Info.Name}; engine {engine.EngineDescription}",
            "scoring",
            result.ContextTokenCount,
            $"the engine answered a score that cannot be right for the request with continuations [{string.Join(", ", request.Continuations.Select(c => $"'{c}'"))}] and context ending '{Tail(request.Context)}': {problem}. Nothing of this answer was cached or scored",
            "the engine's health (a served engine's own log; rerun once it answers sound scores: the cache holds only sound ones)");
    }

    private static string? LogProbProblem(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "a log-probability must be a finite number"
        : value > LogProbTolerance ? Invariant($"a log-probability must be at most 0 (tolerance {LogProbTolerance})")
        : null;

    private static string Shown(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Tail(string context)
    {
        var oneLine = context.ReplaceLineEndings("\\n");
        return oneLine.Length <= 40 ? oneLine : "…" + oneLine[^40..];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
