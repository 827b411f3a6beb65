using System.Globalization;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Comparison;

/// <summary>
/// Two runs of one benchmark compared on the questions both scored: headline and per-subject accuracies recomputed on
/// that common set (deltas B − A), the questions that flipped each way with McNemar's paired test, and what differs
/// between the two manifests. Runs with no question in common are refused: their accuracies measure different things.
/// </summary>
/// <param name="FileA">Run A's results file.</param>
/// <param name="FileB">Run B's results file.</param>
/// <param name="Benchmark">The benchmark both runs scored.</param>
/// <param name="QuestionsA">Questions run A scored.</param>
/// <param name="QuestionsB">Questions run B scored.</param>
/// <param name="Common">Questions both scored (same subject and index): what every accuracy here is taken over.</param>
/// <param name="AccuracyA">Run A's headline accuracy on the common questions (0–1, its protocol's average).</param>
/// <param name="AccuracyB">Run B's headline accuracy on the common questions.</param>
/// <param name="MicroA">Run A's micro accuracy on the common questions.</param>
/// <param name="MicroB">Run B's micro accuracy on the common questions.</param>
/// <param name="Subjects">Per subject, in run A's order then subjects only B has.</param>
/// <param name="Drift">Question-by-question flips (A → B) and McNemar.</param>
/// <param name="Differences">Manifest fields that differ; those with AffectsScore first.</param>
/// <param name="SameIdentity">Whether both runs carry the same identity hash.</param>
public sealed partial record RunComparison(
    string FileA,
    string FileB,
    string Benchmark,
    int QuestionsA,
    int QuestionsB,
    int Common,
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

    /// <summary>Whether both runs scored exactly the same questions.</summary>
    public bool SameQuestions => Common == QuestionsA && Common == QuestionsB;

    /// <summary>Reads both files and compares them.</summary>
    /// <exception cref="EvalInputException">A file is missing, unreadable, of an unknown format version, the runs scored different benchmarks, or no question in common.</exception>
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

        var keysB = b.Questions.Select(Key).ToHashSet(StringComparer.Ordinal);
        var keysA = a.Questions.Select(Key).ToHashSet(StringComparer.Ordinal);
        var commonA = a.Questions.Where(q => keysB.Contains(Key(q))).ToList();
        var commonB = b.Questions.Where(q => keysA.Contains(Key(q))).ToList();
        if (commonA.Count == 0)
        {
            throw new EvalInputException(
                string.Create(CultureInfo.InvariantCulture, $"cannot compare: no question in common ({fileA} scored {a.Questions.Count} questions, {fileB} {b.Questions.Count}, none of the same subject and index); compare runs over the same data and --limit."),
                file: fileB,
                field: "questions");
        }

        var drift = AnswerDrift.Between(a.Answers(), b.Answers());
        return new RunComparison(
            fileA,
            fileB,
            a.Run.Settings.Benchmark,
            a.Questions.Count,
            b.Questions.Count,
            commonA.Count,
            Headline(commonA, a.Summary.Average),
            Headline(commonB, b.Summary.Average),
            Micro(commonA),
            Micro(commonB),
            SubjectDeltas(a.Questions, b.Questions, keysA, keysB),
            drift,
            ManifestDiff(a.Run, b.Run),
            a.Run.Identity is not null && string.Equals(a.Run.Identity, b.Run.Identity, StringComparison.Ordinal));
    }

    private static string Key(QuestionRecord q) => string.Create(CultureInfo.InvariantCulture, $"{q.Subject}#{q.Index}");

    private static double Micro(IReadOnlyCollection<QuestionRecord> questions) => (double)questions.Count(q => q.Correct) / questions.Count;

    /// <summary>The run's own average (micro over questions, or macro over subjects) of <paramref name="questions"/>.</summary>
    private static double Headline(IReadOnlyCollection<QuestionRecord> questions, string average) => average == "macro"
        ? questions.GroupBy(q => q.Subject, StringComparer.Ordinal).Average(g => (double)g.Count(q => q.Correct) / g.Count())
        : Micro(questions);

    private static List<SubjectDelta> SubjectDeltas(IReadOnlyList<QuestionRecord> a, IReadOnlyList<QuestionRecord> b, HashSet<string> keysA, HashSet<string> keysB)
    {
        var inA = a.GroupBy(q => q.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inB = b.GroupBy(q => q.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var subjects = inA.Keys.Concat(inB.Keys.Where(s => !inA.ContainsKey(s)));
        return [.. subjects.Select(subject =>
        {
            var questionsA = inA.GetValueOrDefault(subject);
            var questionsB = inB.GetValueOrDefault(subject);
            var commonA = questionsA?.Where(q => keysB.Contains(Key(q))).ToList() ?? [];
            var commonB = questionsB?.Where(q => keysA.Contains(Key(q))).ToList() ?? [];
            return new SubjectDelta(
                subject,
                questionsA?.Count,
                questionsB?.Count,
                commonA.Count,
                commonA.Count == 0 ? null : Micro(commonA),
                commonB.Count == 0 ? null : Micro(commonB));
        })];
    }
}

/// <summary>One field whose value differs between two run manifests.</summary>
/// <param name="Field">What differs, e.g. "protocol" or "model file model.onnx".</param>
/// <param name="Before">The value in run A.</param>
/// <param name="After">The value in run B.</param>
/// <param name="AffectsScore">Whether the field is part of the run identity (can change a score).</param>
public sealed record ManifestDifference(string Field, string Before, string After, bool AffectsScore)
{
    /// <summary>What changed when it is a count rather than one value ("110 added, 3 changed" for the data files).</summary>
    public string? Summary { get; init; }

    public override string ToString() => Summary is null ? $"{Field} ({Before} → {After})" : $"{Field} ({Summary})";
}

/// <summary>One subject in two runs: its questions in each (null: the run has no question of it) and its accuracy on the common ones.</summary>
/// <param name="Subject">The subject id.</param>
/// <param name="QuestionsA">Questions of the subject run A scored; null when absent from A.</param>
/// <param name="QuestionsB">Questions of the subject run B scored; null when absent from B.</param>
/// <param name="Common">Questions of the subject both scored.</param>
/// <param name="AccuracyA">Run A's accuracy on the common questions; null when there are none.</param>
/// <param name="AccuracyB">Run B's accuracy on the common questions; null when there are none.</param>
public sealed record SubjectDelta(string Subject, int? QuestionsA, int? QuestionsB, int Common, double? AccuracyA, double? AccuracyB)
{
    /// <summary>B − A on the common questions; null when the subject has none in common.</summary>
    public double? Delta => AccuracyA is { } a && AccuracyB is { } b ? b - a : null;
}
