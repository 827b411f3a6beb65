namespace Qwen3EvalTests.Benchmarks;

/// <summary>A file and the 1-based physical line where a record starts.</summary>
public sealed record SourceLocation(string File, long Line)
{
    public override string ToString() => $"{File}:{Line}";
}
