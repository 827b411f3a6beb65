using System.Text.Json;

namespace Qwen3EvalTests.Results;

/// <summary>A results file read back whole (for comparison, drift checks and reports).</summary>
public sealed record ResultsFile(int FormatVersion, RunHeader Run, IReadOnlyList<QuestionRecord> Questions, RunSummary Summary)
{
    /// <summary>Each question's chosen answer, in run order: what drift checks and comparisons look at.</summary>
    public IReadOnlyList<RecordedAnswer> Answers() =>
        Questions.Select(q => new RecordedAnswer(q.Subject, q.Index, q.Answer, q.Predicted)).ToList();

    public static ResultsFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException("results file not found: pass the path of a results JSON written by `qwen3eval run`.", file: path);
        }

        ResultsFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new EvalInputException("not a results file: it has no formatVersion.", file: path, field: "formatVersion");
            }

            if (version.GetInt32() != ResultsFormat.Version)
            {
                throw new EvalInputException($"results format version {version.GetInt32()} is not supported: this harness reads version {ResultsFormat.Version}; re-run the evaluation with this version.", file: path, field: "formatVersion");
            }

            file = document.RootElement.Deserialize(PersistedJson.Default.ResultsFile);
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"results file is not valid JSON ({e.Message}).", file: path, line: e.LineNumber + 1);
        }

        if (file is null)
        {
            throw new EvalInputException("results file is empty.", file: path);
        }

        // Another versioned JSON (a sensitivity file, a recorded run) passes the version check but lacks these.
        foreach (var (value, field) in new (object?, string)[] { (file.Run, "run"), (file.Questions, "questions"), (file.Summary, "summary") })
        {
            if (value is null)
            {
                throw new EvalInputException($"not a results file: it has no '{field}'; pass a results JSON written by `qwen3eval run`.", file: path, field: field);
            }
        }

        return file;
    }
}
