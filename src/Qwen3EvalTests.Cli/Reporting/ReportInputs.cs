using System.Text.Json;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Reporting;

/// <summary>The files given to <c>qwen3eval report</c>, sorted into results files and sensitivity files.</summary>
public sealed record ReportInputs(IReadOnlyList<(string Path, ResultsFile File)> Runs, IReadOnlyList<(string Path, SensitivityReport Report)> Sensitivities)
{
    /// <exception cref="EvalInputException">A file is missing, is neither kind, or is of an unknown version.</exception>
    public static ReportInputs Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new EvalInputException("no input: pass results files written by `qwen3eval run` and/or sensitivity JSON written by `qwen3eval sensitivity`.", field: "RUN");
        }

        var runs = new List<(string, ResultsFile)>();
        var sensitivities = new List<(string, SensitivityReport)>();
        foreach (var path in paths)
        {
            if (IsSensitivity(path))
            {
                sensitivities.Add((path, SensitivityReport.Read(path)));
            }
            else
            {
                runs.Add((path, ResultsFile.Read(path)));
            }
        }

        return new ReportInputs(runs, sensitivities);
    }

    private static bool IsSensitivity(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reference", out _)
                && document.RootElement.TryGetProperty("rows", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
