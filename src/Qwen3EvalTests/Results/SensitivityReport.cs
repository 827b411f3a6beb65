using System.Text.Json;

namespace Qwen3EvalTests.Results;

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
            var report = JsonSerializer.Deserialize(File.ReadAllText(path), PersistedJson.Default.SensitivityReport)
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
        WholeFileWriter.Write(path, JsonSerializer.Serialize(this, PersistedJson.Default.SensitivityReport) + "\n", "rerun (or choose another folder with --out).");
}

/// <summary>One setting of a sensitivity analysis and its score.</summary>
/// <param name="Factor">The factor varied ("reference" for the reference row), as its command-line id.</param>
/// <param name="Setting">The setting, e.g. "lm-eval" or "0-shot".</param>
/// <param name="Score">Headline accuracy 0–1 (the setting's average).</param>
/// <param name="Delta">Score minus the reference score.</param>
/// <param name="Low95">Lower bound of the 95 % Wilson interval at the run's question count.</param>
/// <param name="High95">Upper bound of that interval.</param>
/// <param name="Questions">Questions scored.</param>
/// <param name="Note">What to know when reading the row (e.g. a base model in chat form), or null.</param>
/// <param name="ResultsFile">The results file of the run behind the row (the reference run's for the average factor).</param>
public sealed record SensitivityRow(
    string Factor,
    string Setting,
    double Score,
    double Delta,
    double Low95,
    double High95,
    int Questions,
    string? Note,
    string? ResultsFile);

/// <summary>The one source-generated JSON context of the sensitivity file.</summary>
