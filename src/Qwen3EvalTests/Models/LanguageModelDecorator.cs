namespace Qwen3EvalTests.Models;

/// <summary>
/// The one home of "pass everything through to the model inside": a decorator (the checked, cached, timed or started-server
/// model) overrides only what it changes. Owns the inner model: disposing the decorator disposes it.
/// </summary>
public abstract class LanguageModelDecorator : ILanguageModel
{
    /// <param name="inner">The model every call not overridden goes to.</param>
    protected LanguageModelDecorator(ILanguageModel inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The model inside.</summary>
    protected ILanguageModel Inner { get; }

    public virtual ModelInfo Info => Inner.Info;

    public virtual string EngineDescription => Inner.EngineDescription;

    public virtual ModelIdentity Identity => Inner.Identity;

    public virtual GenerationSupport Generation => Inner.Generation;

    public virtual InferenceCounters Counters => Inner.Counters;

    public virtual bool PreparesConcurrently => Inner.PreparesConcurrently;

    public virtual IReadOnlyList<int> Encode(string text) => Inner.Encode(text);

    public virtual string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null) => Inner.ApplyChatTemplate(messages, addGenerationPrompt, arguments);

    public virtual IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default) =>
        Inner.Score(requests, cancellationToken);

    public virtual string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default) =>
        Inner.Generate(prompt, settings, cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the inner model; a decorator that owns more overrides this and calls it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }
    }
}
