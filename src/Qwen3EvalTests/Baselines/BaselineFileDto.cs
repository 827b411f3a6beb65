namespace Qwen3EvalTests.Baselines;

/// <summary>The persisted shape of baselines/official.json (schema version 1), before validation.</summary>
public sealed record BaselineFileDto
{
    public int? SchemaVersion { get; init; }

    public string? Description { get; init; }

    public Dictionary<string, BaselineSourceDto>? Sources { get; init; }

    public List<BaselineEntryDto?>? Baselines { get; init; }
}
