using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Baselines;

/// <summary>The persisted shape of baselines/official.json (schema version 1), before validation.</summary>
public sealed record BaselineFileDto
{
    public int? SchemaVersion { get; init; }

    public string? Description { get; init; }

    public Dictionary<string, BaselineSourceDto>? Sources { get; init; }

    public List<BaselineEntryDto?>? Baselines { get; init; }
}

/// <summary>The persisted shape of one baseline entry, before validation: everything optional so all gaps can be reported.</summary>
public sealed record BaselineEntryDto
{
    public string? Id { get; init; }

    public string? Model { get; init; }

    public string? ModelId { get; init; }

    public string? Kind { get; init; }

    public string? Benchmark { get; init; }

    public string? Mode { get; init; }

    public double? Score { get; init; }

    public int? Shots { get; init; }

    public string? Protocol { get; init; }

    public string? ProtocolNote { get; init; }

    public string? Split { get; init; }

    public string? SplitNote { get; init; }

    public string? Source { get; init; }

    public List<string>? SourceIds { get; init; }

    public string? Status { get; init; }

    public string? ReportedIn { get; init; }

    public bool? Gate { get; init; }

    public double? Tolerance { get; init; }

    public string? ToleranceNote { get; init; }

    public string? Note { get; init; }
}

/// <summary>The persisted shape of one source, before validation.</summary>
public sealed record BaselineSourceDto
{
    public string? Title { get; init; }

    public string? Where { get; init; }
}

/// <summary>The source-generated serializer context for the baselines format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(BaselineFileDto))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
