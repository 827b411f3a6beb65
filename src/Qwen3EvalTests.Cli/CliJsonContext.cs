using System.Text.Json.Serialization;
using Qwen3EvalTests.Cli.Commands;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli;

/// <summary>The one source-generated JSON context of the command line's own outputs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(RunComparison))]
[JsonSerializable(typeof(EngineParityReport))]
[JsonSerializable(typeof(Qwen3EvalTests.Inference.GenAI.GenAiModelInspection))]
[JsonSerializable(typeof(Qwen3EvalTests.Application.Bench.BenchReport))]
[JsonSerializable(typeof(Listing.ProtocolList))]
[JsonSerializable(typeof(Listing.BenchmarkList))]
[JsonSerializable(typeof(Listing.SuiteList))]
[JsonSerializable(typeof(Listing.BaselineList))]
public sealed partial class CliJsonContext : JsonSerializerContext;
