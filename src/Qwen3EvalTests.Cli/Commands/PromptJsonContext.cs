using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Source-generated JSON for <c>qwen3eval prompt --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PromptJsonOutput))]
public sealed partial class PromptJsonContext : JsonSerializerContext
{
    /// <summary>Indented camelCase JSON that keeps Chinese text readable (no \u escapes).</summary>
    public static PromptJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
