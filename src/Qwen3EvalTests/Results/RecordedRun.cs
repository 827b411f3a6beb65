using System.Text.Json;

namespace Qwen3EvalTests.Results;

/// <summary>
/// A run recorded as the reference of a suite case (baselines/runs/&lt;suite&gt;/&lt;model&gt;/&lt;benchmark&gt;.json):
/// its accuracy and every question's predicted answer, so a later run can be checked for drift
/// question by question. Written by <c>qwen3eval baseline record</c>.
/// </summary>
/// <param name="FormatVersion">The format version (<see cref="CurrentFormatVersion"/>).</param>
/// <param name="CaseId">The suite case id, e.g. "tiny/tiny-planted-a/mmlu".</param>
/// <param name="Model">The model id.</param>
/// <param name="Benchmark">mmlu, ceval or cmmlu.</param>
/// <param name="Protocol">The prompt protocol.</param>
/// <param name="Shots">Few-shot examples per prompt.</param>
/// <param name="Limit">Questions per subject, or null for all.</param>
/// <param name="Data">The data set, as a name ("sample" for the shipped sample).</param>
/// <param name="Accuracy">The headline accuracy (0–1, the protocol's average).</param>
/// <param name="Questions">Every question's predicted answer, in run order.</param>
public sealed record RecordedRun(
    int FormatVersion,
    string CaseId,
    string Model,
    string Benchmark,
    string Protocol,
    int Shots,
    int? Limit,
    string Data,
    double Accuracy,
    IReadOnlyList<RecordedAnswer> Questions)
{
    public const int CurrentFormatVersion = 1;

    public static RecordedRun Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException("no recorded run: record it with `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record` (see README, 'Recorded runs').", file: path);
        }

        try
        {
            var run = JsonSerializer.Deserialize(File.ReadAllText(path), PersistedJson.Default.RecordedRun)
                ?? throw new EvalInputException("recorded run is empty.", file: path);
            return run.FormatVersion == CurrentFormatVersion
                ? run
                : throw new EvalInputException($"recorded run format version {run.FormatVersion} is not supported (expected {CurrentFormatVersion}); re-record it with `qwen3eval baseline record`.", file: path, field: "formatVersion");
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"recorded run is not valid JSON ({e.Message}).", file: path, line: e.LineNumber + 1);
        }
    }

    public void Write(string path) =>
        WholeFileWriter.Write(path, JsonSerializer.Serialize(this, PersistedJson.Default.RecordedRun) + "\n", "rerun 'qwen3eval baseline record'.");
}

/// <summary>One question of a recorded run: which answer the model chose.</summary>
/// <param name="Subject">Subject id.</param>
/// <param name="Index">0-based within the subject's scored split.</param>
/// <param name="Answer">The reference letter.</param>
/// <param name="Predicted">The chosen letter, or null when unparsable.</param>
public sealed record RecordedAnswer(string Subject, int Index, string Answer, string? Predicted)
{
    public bool Correct => Predicted == Answer;
}
