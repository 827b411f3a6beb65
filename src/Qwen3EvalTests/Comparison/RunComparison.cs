using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Comparison;

/// <summary>
/// Two runs of one benchmark compared: headline and per-subject deltas (B − A), the questions that
/// flipped each way with McNemar's paired test, and what differs between the two manifests.
/// </summary>
/// <param name="FileA">Run A's results file.</param>
/// <param name="FileB">Run B's results file.</param>
/// <param name="Benchmark">The benchmark both runs scored.</param>
/// <param name="AccuracyA">Run A's headline accuracy (0–1, its protocol's average).</param>
/// <param name="AccuracyB">Run B's headline accuracy.</param>
/// <param name="MicroA">Run A's micro accuracy.</param>
/// <param name="MicroB">Run B's micro accuracy.</param>
/// <param name="Subjects">Per subject, in run A's order then subjects only B has.</param>
/// <param name="Drift">Question-by-question flips (A → B) and McNemar.</param>
/// <param name="Differences">Manifest fields that differ; those with AffectsScore first.</param>
/// <param name="SameIdentity">Whether both runs carry the same identity hash.</param>
public sealed partial record RunComparison(
    string FileA,
    string FileB,
    string Benchmark,
    double AccuracyA,
    double AccuracyB,
    double MicroA,
    double MicroB,
    IReadOnlyList<SubjectDelta> Subjects,
    AnswerDrift Drift,
    IReadOnlyList<ManifestDifference> Differences,
    bool SameIdentity)
{
    public double Delta => AccuracyB - AccuracyA;

    /// <summary>Reads both files and compares them.</summary>
    /// <exception cref="EvalInputException">A file is missing, unreadable, of an unknown format version, or the runs scored different benchmarks.</exception>
    public static RunComparison Compare(string pathA, string pathB) =>
        Compare(ResultsFile.Read(pathA), pathA, ResultsFile.Read(pathB), pathB);

    public static RunComparison Compare(ResultsFile a, string fileA, ResultsFile b, string fileB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!string.Equals(a.Run.Settings.Benchmark, b.Run.Settings.Benchmark, StringComparison.Ordinal))
        {
            throw new EvalInputException(
                $"cannot compare runs of different benchmarks: {fileA} is {a.Run.Settings.Benchmark}, {fileB} is {b.Run.Settings.Benchmark}; pass two results files of the same benchmark.",
                file: fileB,
                field: "run.settings.benchmark");
        }

        var drift = AnswerDrift.Between(a.Answers(), b.Answers());
        return new RunComparison(
            fileA,
            fileB,
            a.Run.Settings.Benchmark,
            a.Summary.Accuracy,
            b.Summary.Accuracy,
            a.Summary.Micro.Value,
            b.Summary.Micro.Value,
            SubjectDeltas(a.Summary, b.Summary),
            drift,
            ManifestDiff(a.Run, b.Run),
            a.Run.Identity is not null && string.Equals(a.Run.Identity, b.Run.Identity, StringComparison.Ordinal));
    }

    private static List<SubjectDelta> SubjectDeltas(RunSummary a, RunSummary b)
    {
        var inB = b.Subjects.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        var inA = a.Subjects.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        var deltas = new List<SubjectDelta>();
        foreach (var s in a.Subjects)
        {
            var other = inB.GetValueOrDefault(s.Subject);
            deltas.Add(new SubjectDelta(s.Subject, s.Accuracy.Total, s.Accuracy.Value, other?.Accuracy.Total ?? 0, other?.Accuracy.Value ?? 0));
        }

        deltas.AddRange(b.Subjects.Where(s => !inA.ContainsKey(s.Subject)).Select(s => new SubjectDelta(s.Subject, 0, 0, s.Accuracy.Total, s.Accuracy.Value)));
        return deltas;
    }
}

/// <summary>One field whose value differs between two run manifests.</summary>
/// <param name="Field">What differs, e.g. "protocol" or "model file model.onnx".</param>
/// <param name="Before">The value in run A.</param>
/// <param name="After">The value in run B.</param>
/// <param name="AffectsScore">Whether the field is part of the run identity (can change a score).</param>
public sealed record ManifestDifference(string Field, string Before, string After, bool AffectsScore)
{
    public override string ToString() => $"{Field} ({Before} → {After})";
}

/// <summary>One subject's accuracy in two runs; a subject missing from a run has 0 questions there.</summary>
public sealed record SubjectDelta(string Subject, int QuestionsA, double AccuracyA, int QuestionsB, double AccuracyB)
{
    public double Delta => AccuracyB - AccuracyA;
}
