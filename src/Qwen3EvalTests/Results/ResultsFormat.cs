using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Results;

/// <summary>The results file format. Readers refuse other versions with a clear error.</summary>
public static class ResultsFormat
{
    public const int Version = 1;
}

/// <summary>The one source-generated JSON context of every persisted results type.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunHeader))]
[JsonSerializable(typeof(QuestionRecord))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(ResultsFile))]
[JsonSerializable(typeof(RecordedRun))]
public sealed partial class ResultsJsonContext : JsonSerializerContext;
