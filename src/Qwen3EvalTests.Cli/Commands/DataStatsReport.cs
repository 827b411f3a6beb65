using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary><c>qwen3eval data stats --json</c>'s stdout. Scripts depend on these names.</summary>
public sealed record DataStatsReport(IReadOnlyList<DataStatsEntry> Benchmarks);

/// <summary>One benchmark: its id, subject count and questions per split id ("dev", "val", "test").</summary>
public sealed record DataStatsEntry(string Name, int Subjects, IReadOnlyDictionary<string, long> Splits);

/// <summary>Source-generated JSON for the data commands' outputs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DataStatsReport))]
public sealed partial class DataJsonContext : JsonSerializerContext;
