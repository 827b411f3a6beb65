using System.Text.Json;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// The outcome of a sensitivity analysis: the reference setting (qwen, 5-shot, base prompt,
/// log-likelihood, protocol's average), one row per varied setting, and the factor that moved the
/// score most. Written as JSON by <c>qwen3eval sensitivity --out</c>; read by <c>qwen3eval report</c>.
/// </summary>
/// <param name="FormatVersion">The format version (<see cref="CurrentFormatVersion"/>).</param>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Limit">Questions per subject.</param>
/// <param name="Reference">The reference row (delta 0).</param>
/// <param name="Rows">Every varied setting, in factor order.</param>
/// <param name="MovedMost">The factor id whose setting moved the score most (largest |delta|; on a tie the first in factor order), or null with no rows.</param>
/// <param name="MovedMostDelta">That largest delta (signed).</param>
public sealed record SensitivityReport(
    int FormatVersion,
    string Benchmark,
    string Model,
    int? Limit,
    SensitivityRow Reference,
    IReadOnlyList<SensitivityRow> Rows,
    string? MovedMost,
    double MovedMostDelta)
{
    public const int CurrentFormatVersion = 1;

    public static SensitivityReport Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException("sensitivity file not found: pass the JSON written by `qwen3eval sensitivity --out DIR`.", file: path);
        }

        try
        {
            var report = JsonSerializer.Deserialize(File.ReadAllText(path), SensitivityJsonContext.Default.SensitivityReport)
                ?? throw new EvalInputException("sensitivity file is empty.", file: path);
            return report.FormatVersion == CurrentFormatVersion
                ? report
                : throw new EvalInputException($"sensitivity format version {report.FormatVersion} is not supported (expected {CurrentFormatVersion}); re-run `qwen3eval sensitivity`.", file: path, field: "formatVersion");
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"sensitivity file is not valid JSON ({e.Message}).", file: path, line: e.LineNumber + 1);
        }
    }

    public void Write(string path) =>
        WholeFileWriter.Write(path, JsonSerializer.Serialize(this, SensitivityJsonContext.Default.SensitivityReport) + "\n", "rerun (or choose another folder with --out).");
}
