using System.Collections.Concurrent;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// Loads each model folder once per (folder, options: execution provider, batch size, declared kind) and shares the instance; disposing the pool
/// disposes every model it loaded. Callers that load a model directly with <see cref="GenAiLanguageModel.Load"/> own it.
/// A shared model serves one call at a time: callers must not score on it from two threads at once.
/// </summary>
public sealed class LanguageModelPool : IDisposable
{
    private readonly ConcurrentDictionary<(string Folder, GenAiModelOptions Options), Lazy<GenAiLanguageModel>> models = new();
    private bool disposed;

    /// <summary>The pool of the process (never disposed: the process exit releases the models).</summary>
    public static LanguageModelPool Shared { get; } = new();

    public GenAiLanguageModel Get(string modelFolder, GenAiModelOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        options ??= GenAiModelOptions.Default;
        var key = (Path.GetFullPath(modelFolder), options);
        var entry = models.GetOrAdd(key, _ => new Lazy<GenAiLanguageModel>(() => GenAiLanguageModel.Load(modelFolder, options)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A folder that failed validation is not cached: fixing it and asking again loads it.
            models.TryRemove(new KeyValuePair<(string, GenAiModelOptions), Lazy<GenAiLanguageModel>>(key, entry));
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
