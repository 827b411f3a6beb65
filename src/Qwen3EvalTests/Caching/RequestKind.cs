namespace Qwen3EvalTests.Caching;

/// <summary>The two kinds of cached requests; the name is part of the key and of the <c>kind</c> column.</summary>
public static class RequestKind
{
    public const string Score = "score";
    public const string Generate = "generate";
}
