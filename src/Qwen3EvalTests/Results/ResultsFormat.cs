using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Results;

/// <summary>The results file format. Readers refuse other versions with a clear error.</summary>
public static class ResultsFormat
{
    public const int Version = 1;
}

/// <summary>
/// The one source-generated JSON context of the run formats — results files, recorded runs and sensitivity
/// reports — each with its own version field. (The baseline catalogue and the request cache keep a context in
/// their own folder: one shared context would make Results, Baselines and Caching depend on each other.)
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunHeader))]
[JsonSerializable(typeof(QuestionRecord))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(ResultsFile))]
[JsonSerializable(typeof(RecordedRun))]
[JsonSerializable(typeof(SensitivityReport))]
public sealed partial class PersistedJson : JsonSerializerContext;
