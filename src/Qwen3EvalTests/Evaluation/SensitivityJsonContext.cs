using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Evaluation;

/// <summary>The one source-generated JSON context of the sensitivity file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SensitivityReport))]
public sealed partial class SensitivityJsonContext : JsonSerializerContext;
