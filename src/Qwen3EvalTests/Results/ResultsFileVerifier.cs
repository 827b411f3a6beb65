using System.Globalization;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Results;

/// <summary>
/// What a results file must be before anything uses it, checked by <see cref="ResultsFile.Read"/> for every reader (compare,
/// report, the gate summary): no question recorded twice, every answer and predicted letter an option, every <c>correct</c> flag
/// equal to predicted vs answer, and a summary whose questions, correct answers, micro and macro accuracy and headline accuracy are
/// those of the question records. A file that fails is bad input naming the file and the record.
/// </summary>
public static class ResultsFileVerifier
{
    /// <summary>How far a stored accuracy may be from the recomputed one (JSON round trips doubles exactly; this absorbs hand edits' rounding only).</summary>
    public const double AccuracyTolerance = 1e-9;

    private static readonly string[] FourLetters = ["A", "B", "C", "D"];

    /// <exception cref="EvalInputException">The file contradicts itself; the message names the file, the record and what to do.</exception>
    public static void ThrowIfInvalid(ResultsFile file, string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        // The benchmark's own letters (a five-option benchmark answers E); A–D for a benchmark this version does not know.
        var optionLetters = BenchmarkDefinitions.TryGet(file.Run.Settings.Benchmark, out var definition)
            ? definition.Format.Letters.Select(c => c.ToString()).ToArray()
            : FourLetters;
        var range = $"{optionLetters[0]}–{optionLetters[^1]}";
        var seen = new HashSet<(string, int)>();
        var correct = 0;
        for (var i = 0; i < file.Questions.Count; i++)
        {
            var q = file.Questions[i];
            var record = string.Create(CultureInfo.InvariantCulture, $"questions[{i}] ({q.Subject} #{q.Index})");
            if (!seen.Add((q.Subject, q.Index)))
            {
                throw Bad(path, record, "records a question a second time");
            }

            if (!optionLetters.Contains(q.Answer))
            {
                throw Bad(path, record, $"has answer '{q.Answer}', which is not an option letter ({range})");
            }

            if (q.Predicted is { } predicted && !optionLetters.Contains(predicted))
            {
                throw Bad(path, record, $"has predicted '{predicted}', which is not an option letter ({range})");
            }

            if (q.Correct != (q.Predicted == q.Answer))
            {
                throw Bad(path, record, $"says correct: {(q.Correct ? "true" : "false")} for predicted '{q.Predicted ?? "null"}' and answer '{q.Answer}'");
            }

            correct += q.Correct ? 1 : 0;
        }

        var summary = file.Summary;
        var micro = file.Questions.Count == 0 ? 0 : (double)correct / file.Questions.Count;
        if (summary.Questions != file.Questions.Count || summary.Correct != correct)
        {
            throw Bad(path, "summary", string.Create(CultureInfo.InvariantCulture, $"says {summary.Correct} of {summary.Questions} correct, but the question records have {correct} of {file.Questions.Count}"));
        }

        if (summary.Micro is null || summary.Micro.Correct != correct || summary.Micro.Total != file.Questions.Count || Math.Abs(summary.Micro.Value - micro) > AccuracyTolerance)
        {
            throw Bad(path, "summary.micro", string.Create(CultureInfo.InvariantCulture, $"is not the question records' micro accuracy {micro:R} ({correct} of {file.Questions.Count})"));
        }

        var macro = file.Questions.Count == 0 ? 0 : file.Questions.GroupBy(q => q.Subject, StringComparer.Ordinal).Average(g => (double)g.Count(q => q.Correct) / g.Count());
        if (Math.Abs(summary.Macro - macro) > AccuracyTolerance)
        {
            throw Bad(path, "summary.macro", string.Create(CultureInfo.InvariantCulture, $"is {summary.Macro:R}, but the question records' mean of subject accuracies is {macro:R}"));
        }

        var headline = summary.Average == "macro" ? macro : micro;
        if (Math.Abs(summary.Accuracy - headline) > AccuracyTolerance)
        {
            throw Bad(path, "summary.accuracy", string.Create(CultureInfo.InvariantCulture, $"is {summary.Accuracy:R}, but the {summary.Average} average of the file is {headline:R}"));
        }
    }

    private static EvalInputException Bad(string path, string record, string problem) => new(
        $"the results file contradicts itself: {record} {problem}; it was edited or damaged, so nothing is read from it. Rerun `qwen3eval run` to write it again.",
        file: path,
        field: record);
}
