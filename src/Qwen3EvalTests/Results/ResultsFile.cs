namespace Qwen3EvalTests.Results;

/// <summary>A results file read back whole (for comparison, drift checks and reports).</summary>
public sealed record ResultsFile(int FormatVersion, RunHeader Run, IReadOnlyList<QuestionRecord> Questions, RunSummary Summary)
{
    /// <summary>Each question's chosen answer, in run order: what drift checks and comparisons look at.</summary>
    public IReadOnlyList<RecordedAnswer> Answers() =>
        Questions.Select(q => new RecordedAnswer(q.Subject, q.Index, q.Answer, q.Predicted)).ToList();

    /// <summary>Reads and verifies (<see cref="ResultsFileVerifier"/>) the results file at <paramref name="path"/>.</summary>
    /// <exception cref="EvalInputException">The file is missing, of another version or kind, or contradicts itself.</exception>
    public static ResultsFile Read(string path)
    {
        var file = VersionedJsonFile.Read(path, PersistedJson.Default.ResultsFile, ResultsFormat.Version, "results file", "`qwen3eval run`", "re-run the evaluation with this version.");

        // Another versioned JSON (a sensitivity file, a recorded run) passes the version check but lacks these.
        foreach (var (value, field) in new (object?, string)[] { (file.Run, "run"), (file.Questions, "questions"), (file.Summary, "summary") })
        {
            if (value is null)
            {
                throw new EvalInputException($"not a results file: it has no '{field}'; pass a results JSON written by `qwen3eval run`.", file: path, field: field);
            }
        }

        ResultsFileVerifier.ThrowIfInvalid(file, path);
        return file;
    }
}
