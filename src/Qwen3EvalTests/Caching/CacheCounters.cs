namespace Qwen3EvalTests.Caching;

/// <summary>What a <see cref="CachingLanguageModel"/> served from its cache (hits) and sent to the inner model (misses), counted per request.</summary>
public sealed record CacheCounters(long Hits, long Misses)
{
    public static CacheCounters Zero { get; } = new(0, 0);

    public CacheCounters Minus(CacheCounters earlier) => new(Hits - earlier.Hits, Misses - earlier.Misses);
}
