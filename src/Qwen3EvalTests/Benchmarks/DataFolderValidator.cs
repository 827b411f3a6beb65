namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// Reads every CSV file of a data folder and collects every problem instead of stopping at the
/// first: unexpected file names, subjects absent from the mapping, a subject missing a split,
/// empty files, bad headers, wrong column counts, answers outside the question's letters (A–D in the official benchmarks), unclosed quotes.
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
                problems.Add(new InputProblem(path, null, null, $"subject '{subject}' has no {BenchmarkFormat.SplitFolder(split)} file, which this run reads: add {format.FileName(subject, split)} or leave the subject out."));
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
                questions += ValidateFile(format, subject, split, path, problems);
            }
        }

        foreach (var (split, present) in filesBySplit)
        {
            foreach (var subject in subjects.Where(s => !present.Contains(s)))
            {
                problems.Add(new InputProblem(dataset.PathOf(subject, split), null, null, $"subject '{subject}' has files in other splits but no {BenchmarkFormat.SplitFolder(split)} file: expected this file."));
            }
        }

        return (files, questions);
    }

    private static string? SubjectOf(BenchmarkFormat format, Split split, string path, List<InputProblem> problems)
    {
        var name = Path.GetFileName(path);
        var suffix = format.FileSuffix(split) + ".csv";
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            problems.Add(new InputProblem(path, null, "file name", $"{format.Benchmark.ToId()} {BenchmarkFormat.SplitFolder(split)} files are named <subject>{suffix}."));
            return null;
        }

        var subject = name[..^suffix.Length];
        if (!SubjectCatalog.TryGet(format.Benchmark, subject, out _))
        {
            problems.Add(new InputProblem(path, null, "subject", $"'{subject}' is not a {format.Benchmark.ToId()} subject in the shipped mapping; rename the file to a known subject or remove it."));
            return null;
        }

        return subject;
    }

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
