using System.Globalization;

namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// The one validator of benchmark data, for <c>data validate</c> (<see cref="Validate"/>: every file of a folder) and for a
/// run's plan (<see cref="ValidateFiles"/> and the rules below, through the evaluation plan validator: the files the run
/// reads), so anything a run refuses about its data, <c>data validate</c> refuses first with the same words. Collects every
/// problem instead of stopping at the first: unexpected file names, subjects absent from the mapping, a benchmark folder
/// with no subject, a subject missing a split, empty or header-only files, bad headers, wrong column counts, answers
/// outside the question's letters (A–D in the official benchmarks), invalid UTF-8, unclosed quotes, and a dev split
/// shorter than the shots that read it (<see cref="BenchmarkFormat.StandardDevRows"/> for the folder as a whole).
/// </summary>
public static class DataFolderValidator
{
    public static DataValidationReport Validate(string dataDir)
    {
        var datasets = DataFolder.OpenAll(dataDir);
        var problems = new List<InputProblem>();
        var files = 0;
        long questions = 0;
        foreach (var dataset in datasets)
        {
            var (f, q) = ValidateDataset(dataset, problems);
            files += f;
            questions += q;
        }

        return new DataValidationReport(Path.GetFullPath(dataDir), datasets.Select(d => d.Benchmark).ToList(), files, questions, problems);
    }

    /// <summary>
    /// Every problem of the given files of <paramref name="dataset"/> — a missing file, a bad header, a row that does not
    /// parse — collected, not stopping at the first: what a plan reads, checked before a model loads.
    /// </summary>
    public static IReadOnlyList<InputProblem> ValidateFiles(IBenchmarkDataset dataset, IEnumerable<(string Subject, Split Split)> files)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(files);
        var format = BenchmarkFormat.Of(dataset.Benchmark);
        var problems = new List<InputProblem>();
        foreach (var (subject, split) in files.Distinct())
        {
            var path = dataset.PathOf(subject, split);
            if (!File.Exists(path))
            {
                problems.Add(MissingSplitFile(format, subject, split, path));
                continue;
            }

            ValidateFile(format, subject, split, path, problems);
        }

        return problems;
    }

    private static (int Files, long Questions) ValidateDataset(IBenchmarkDataset dataset, List<InputProblem> problems)
    {
        var files = 0;
        long questions = 0;
        var format = BenchmarkFormat.Of(dataset.Benchmark);
        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        var filesBySplit = new Dictionary<Split, HashSet<string>>();
        foreach (var split in format.Splits)
        {
            filesBySplit[split] = [];
            var folder = Path.Combine(dataset.Root, BenchmarkFormat.SplitFolder(split));
            if (!Directory.Exists(folder))
            {
                problems.Add(new InputProblem(folder, null, null, $"missing {BenchmarkFormat.SplitFolder(split)} folder: expected {format.FileName("<subject>", split)} files here."));
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            {
                var subject = SubjectOf(format, split, path, problems);
                if (subject is null)
                {
                    continue;
                }

                subjects.Add(subject);
                filesBySplit[split].Add(subject);
                files++;
                var before = problems.Count;
                var rows = ValidateFile(format, subject, split, path, problems);
                questions += rows;
                if (split == Split.Dev && problems.Count == before && rows < BenchmarkFormat.StandardDevRows)
                {
                    problems.Add(DevTooShort(path, rows, BenchmarkFormat.StandardDevRows));
                }
            }
        }

        if (subjects.Count == 0)
        {
            problems.Add(NoSubjects(format, dataset.Root));
        }

        foreach (var (split, present) in filesBySplit)
        {
            foreach (var subject in subjects.Where(s => !present.Contains(s)))
            {
                problems.Add(MissingSplitFile(format, subject, split, dataset.PathOf(subject, split)));
            }
        }

        return (files, questions);
    }

    private static string? SubjectOf(BenchmarkFormat format, Split split, string path, List<InputProblem> problems)
    {
        try
        {
            return SubjectOfFile(format, split, path);
        }
        catch (EvalInputException e)
        {
            problems.Add(InputProblem.From(e, path));
            return null;
        }
    }

    /// <summary>The subject a split file is named after; how <see cref="CsvBenchmarkDataset"/> finds a folder's subjects too.</summary>
    /// <exception cref="EvalInputException">The name does not follow the layout, or names no subject of the shipped mapping.</exception>
    internal static string SubjectOfFile(BenchmarkFormat format, Split split, string path)
    {
        var name = Path.GetFileName(path);
        var suffix = format.FileSuffix(split) + ".csv";
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            throw new EvalInputException($"{format.Benchmark.ToId()} {BenchmarkFormat.SplitFolder(split)} files are named <subject>{suffix}.", path, field: "file name");
        }

        var subject = name[..^suffix.Length];
        return SubjectCatalog.TryGet(format.Benchmark, subject, out _)
            ? subject
            : throw new EvalInputException($"'{subject}' is not a {format.Benchmark.ToId()} subject in the shipped mapping; rename the file to a known subject or remove it.", path, field: "subject");
    }

    /// <summary>A subject without the file of a split that is read (by a run, or by any protocol for the folder as a whole).</summary>
    public static InputProblem MissingSplitFile(BenchmarkFormat format, string subject, Split split, string path)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new(path, null, null, $"subject '{subject}' has no {BenchmarkFormat.SplitFolder(split)} file: add {format.FileName(subject, split)} or leave the subject out.");
    }

    /// <summary>A benchmark folder without one subject: nothing to score.</summary>
    public static InputProblem NoSubjects(BenchmarkFormat format, string root)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new(root, null, null, $"no {format.Benchmark.ToId()} subjects in this folder, so there is nothing to score: expected {string.Join(", ", format.Splits.Select(split => $"{BenchmarkFormat.SplitFolder(split)}/{format.FileName("<subject>", split)}"))} files.");
    }

    /// <summary>A dev split shorter than the shots a prompt takes from it.</summary>
    public static InputProblem DevTooShort(string devPath, long rows, int shots) => new(
        devPath,
        null,
        "shots",
        string.Create(CultureInfo.InvariantCulture, $"the dev split has {rows} rows but {shots} shots are needed (a {shots}-shot prompt takes its examples from it); use a dev file with at least {shots} rows, or pass fewer shots (--shots)."));

    private static long ValidateFile(BenchmarkFormat format, string subject, Split split, string path, List<InputProblem> problems)
    {
        var rows = new QuestionRowParser(format, subject, split, path);
        var any = false;
        long questions = 0;
        var problemsBefore = problems.Count;
        var stamp = QuestionCounts.StampOf(path);
        try
        {
            foreach (var record in CsvRecordReader.Read(path))
            {
                any = true;
                try
                {
                    if (rows.Parse(record) is not null)
                    {
                        questions++;
                    }
                }
                catch (EvalInputException e)
                {
                    problems.Add(InputProblem.From(e, path));
                }
            }

            // The reader's rule (CsvBenchmarkDataset): a file without one question row — empty, or a header alone — is empty.
            if (!any || (questions == 0 && problems.Count == problemsBefore))
            {
                problems.Add(InputProblem.From(QuestionRowParser.EmptyFile(format, split, path), path));
            }
        }
        catch (EvalInputException e)
        {
            problems.Add(InputProblem.From(e, path));
        }

        if (problems.Count == problemsBefore && stamp is not null)
        {
            QuestionCounts.Remember(stamp, questions);
        }

        return questions;
    }
}
