using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Qwen3EvalTests.Results;

/// <summary>
/// The one reader of the run formats (results files, recorded runs, sensitivity reports): the file must exist, be
/// JSON, carry <c>formatVersion</c> and have the version this harness reads; every failure is an
/// <see cref="EvalInputException"/> naming the file (and line or field) and what to do.
/// </summary>
internal static class VersionedJsonFile
{
    /// <param name="path">The file.</param>
    /// <param name="type">The source-generated type info of the format.</param>
    /// <param name="version">The format version this harness reads.</param>
    /// <param name="what">The format's name in messages ("results file").</param>
    /// <param name="whereFrom">Which command writes such a file, for a missing or foreign one.</param>
    /// <param name="rerun">What to do with another version.</param>
    public static T Read<T>(string path, JsonTypeInfo<T> type, int version, string what, string whereFrom, string rerun)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException($"{what} not found: pass the path of a {what} written by {whereFrom}.", file: path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("formatVersion", out var found) || found.ValueKind != JsonValueKind.Number)
            {
                throw new EvalInputException($"not a {what}: it has no formatVersion; pass a {what} written by {whereFrom}.", file: path, field: "formatVersion");
            }

            if (found.GetInt32() != version)
            {
                throw new EvalInputException($"{what} format version {found.GetInt32()} is not supported: this harness reads version {version}; {rerun}", file: path, field: "formatVersion");
            }

            return document.RootElement.Deserialize(type) ?? throw new EvalInputException($"{what} is empty.", file: path);
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"{what} is not valid JSON ({e.Message}).", file: path, line: e.LineNumber + 1);
        }
    }
}
