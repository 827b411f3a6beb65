namespace Qwen3EvalTests.Models;

/// <summary>
/// An engine whose every score is checked where it enters the harness (<see cref="EngineAnswerCheck"/>): a wrong number is an
/// <see cref="EngineFaultException"/> before a cache or a scorer sees it, so it is never cached, scored or written. Every engine
/// is opened inside one (the engine catalogue); owns and disposes the engine.
/// </summary>
public sealed class CheckedLanguageModel(ILanguageModel engine) : LanguageModelDecorator(engine)
{
    /// <summary>The engine itself (for what only it knows, e.g. a started server's process).</summary>
    public ILanguageModel Engine => Inner;

    /// <exception cref="EngineFaultException">The engine answered a score that cannot be right (<see cref="EngineAnswerCheck"/>).</exception>
    public override IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = Engine.Score(requests, cancellationToken);
        if (results is null || results.Count != requests.Count)
        {
            throw new EngineFaultException(
                $"{Info.Name}; engine {EngineDescription}", "scoring", null, $"the engine answered {results?.Count ?? 0} results for {requests.Count} requests", "the engine's health");
        }

        for (var i = 0; i < requests.Count; i++)
        {
            if (EngineAnswerCheck.FaultOf(Engine, requests[i], results[i]) is { } fault)
            {
                throw fault;
            }
        }

        return results;
    }

    public override string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default) =>
        Engine.Generate(prompt, settings, cancellationToken) ?? throw new EngineFaultException(
            $"{Info.Name}; engine {EngineDescription}", "generation", null, "the engine answered no text", "the engine's health");
}
