namespace Qwen3EvalTests.Baselines;

/// <summary>The persisted shape of one source, before validation.</summary>
public sealed record BaselineSourceDto
{
    public string? Title { get; init; }

    public string? Where { get; init; }
}
