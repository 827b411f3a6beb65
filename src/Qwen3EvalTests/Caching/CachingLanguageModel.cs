using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// Serves <see cref="Score"/> and <see cref="Generate"/> from a <see cref="RequestCache"/> and sends only
/// the misses to the inner model, in their original order (so its prefix reuse still works), writing them
/// back in one transaction per call: an evaluation killed mid-way keeps every chunk it finished. A stored answer that is not a
/// sound answer to its request (<see cref="EngineAnswerCheck"/>) is a miss; a computed one that is not is an engine fault and is
/// never written. Owns and disposes both the inner model and the cache.
/// </summary>
public sealed class CachingLanguageModel : LanguageModelDecorator
{
    private readonly ILanguageModel _inner;
    private readonly RequestCache _cache;
    private long _hits;
    private long _misses;

    /// <param name="inner">The model that computes misses.</param>
    /// <param name="cache">The cache file.</param>
    public CachingLanguageModel(ILanguageModel inner, RequestCache cache)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(cache);
        _inner = inner;
        _cache = cache;
        Identity = inner.Identity;
    }

    /// <summary>The inner model's identity: the key its answers are cached under.</summary>
    public override ModelIdentity Identity { get; }

    /// <summary>Requests served from the cache and sent to the inner model so far.</summary>
    public CacheCounters Cache => new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>The cache file in use.</summary>
    public string CacheFile => _cache.Path;

    public override IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        var keys = requests.Select(r => RequestCacheKey.ForScore(Identity, r)).ToArray();
        var stored = _cache.GetMany(keys);
        var results = new LogLikelihoodResult?[requests.Count];
        var missing = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (stored[i]?.Score is { } score && EngineAnswerCheck.ProblemOf(requests[i], score) is null)
            {
                results[i] = score;
            }
            else
            {
                missing.Add(i);
            }
        }

        Interlocked.Add(ref _hits, requests.Count - missing.Count);
        if (missing.Count > 0)
        {
            var computed = _inner.Score(missing.Select(i => requests[i]).ToArray(), cancellationToken);
            var writes = new List<(RequestCacheKey, CachedEntry)>(missing.Count);
            for (var m = 0; m < missing.Count; m++)
            {
                var i = missing[m];
                if (EngineAnswerCheck.FaultOf(_inner, requests[i], computed[m]) is { } fault)
                {
                    throw fault;
                }

                results[i] = computed[m];
                writes.Add((keys[i], new CachedEntry(RequestCacheKey.FormatVersion, keys[i].Hash, computed[m], null)));
            }

            _cache.PutMany(writes);
            Interlocked.Add(ref _misses, missing.Count);
        }

        return results.Select(r => r!).ToArray();
    }

    public override string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        var key = RequestCacheKey.ForGenerate(Identity, prompt, settings);
        if (_cache.GetMany([key])[0]?.Generation is { } text)
        {
            Interlocked.Increment(ref _hits);
            return text;
        }

        var generated = _inner.Generate(prompt, settings, cancellationToken);
        _cache.PutMany([(key, new CachedEntry(RequestCacheKey.FormatVersion, key.Hash, null, generated))]);
        Interlocked.Increment(ref _misses);
        return generated;
    }

    /// <summary>Closes the cache, then disposes the inner model.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cache.Dispose();
        }

        base.Dispose(disposing);
    }
}
