using System.Text.Json;
using System.Text.Json.Serialization;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Caching;

namespace Qwen3EvalTests.Results;

/// <summary>The results file format. Readers refuse other versions with a clear error.</summary>
public static class ResultsFormat
{
    public const int Version = 1;
}

/// <summary>
/// The one source-generated JSON context of the domain's persisted formats — results files, recorded runs,
/// sensitivity reports, the baseline catalogue and request-cache entries — with one set of options: camelCase,
/// indented, nulls left out, comments and trailing commas accepted on read, and named floating-point literals
/// (a log-likelihood of −∞ round-trips). Each format carries its own version field.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunHeader))]
[JsonSerializable(typeof(QuestionRecord))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(ResultsFile))]
[JsonSerializable(typeof(RecordedRun))]
[JsonSerializable(typeof(SensitivityReport))]
[JsonSerializable(typeof(BaselineFileDto))]
[JsonSerializable(typeof(CachedEntry))]
public sealed partial class PersistedJson : JsonSerializerContext;
