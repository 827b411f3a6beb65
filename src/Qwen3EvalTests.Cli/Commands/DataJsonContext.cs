using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Source-generated JSON for the data commands' outputs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DataStatsReport))]
public sealed partial class DataJsonContext : JsonSerializerContext;
