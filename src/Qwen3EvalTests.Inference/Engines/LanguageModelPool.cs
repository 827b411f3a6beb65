using System.Collections.Concurrent;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Engines;

/// <summary>
/// Opens each <see cref="EngineSpec"/> once through <see cref="EngineCatalog"/> (a model folder compared by its full path) and
/// shares the model; disposing the pool disposes every model it opened. Callers that open a model with
/// <see cref="EngineCatalog.Open"/> themselves own it. A shared model serves one call at a time: callers must not score on it
/// from two threads at once.
/// </summary>
public sealed class LanguageModelPool : IDisposable
{
    private readonly ConcurrentDictionary<EngineSpec, Lazy<ILanguageModel>> models = new();
    private bool disposed;

    /// <summary>The model <paramref name="spec"/> opens, opened on first use.</summary>
    /// <exception cref="EvalInputException">The engine cannot be opened; the spec is not remembered, so fixing the input and asking again opens it.</exception>
    public ILanguageModel Get(EngineSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ObjectDisposedException.ThrowIf(disposed, this);
        var key = spec.ModelFolder is { } folder ? spec with { ModelFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) } : spec;
        var entry = models.GetOrAdd(key, _ => new Lazy<ILanguageModel>(() => EngineCatalog.Open(key, cancellationToken)));
        try
        {
            return entry.Value;
        }
        catch
        {
            models.TryRemove(new KeyValuePair<EngineSpec, Lazy<ILanguageModel>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var entry in models.Values.Where(entry => entry.IsValueCreated))
        {
            entry.Value.Dispose();
        }

        models.Clear();
    }
}
