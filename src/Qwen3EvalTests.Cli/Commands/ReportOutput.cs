using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>How a command that takes --json prints its report: one JSON object on a line, or its table.</summary>
public static class ReportOutput
{
    public static void Write<T>(TextWriter stdout, bool json, T report, JsonTypeInfo<T> jsonType, Action<TextWriter, T> table)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(table);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, jsonType));
        }
        else
        {
            table(stdout, report);
        }
    }
}
