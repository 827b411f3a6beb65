using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Baselines;

/// <summary>The source-generated serializer context for the baselines format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(BaselineFileDto))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
