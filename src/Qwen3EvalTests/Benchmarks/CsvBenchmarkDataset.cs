namespace Qwen3EvalTests.Benchmarks;

/// <summary>A benchmark folder read through its <see cref="BenchmarkFormat"/>.</summary>
public sealed class CsvBenchmarkDataset : IBenchmarkDataset
{
    private readonly BenchmarkFormat _format;
    private readonly Lazy<IReadOnlyList<SubjectInfo>> _subjects;

    public CsvBenchmarkDataset(string root, BenchmarkFormat format)
    {
        Root = Path.GetFullPath(root);
        _format = format;
        _subjects = new Lazy<IReadOnlyList<SubjectInfo>>(DiscoverSubjects);
    }

    public Benchmark Benchmark => _format.Benchmark;

    public string Root { get; }

    public IReadOnlyList<SubjectInfo> Subjects => _subjects.Value;

    public IReadOnlyList<Split> Splits => _format.Splits;

    public bool HasAnswers(Split split) => _format.AnswerColumn.ContainsKey(split);

    public string PathOf(string subject, Split split) =>
        Path.Combine(Root, BenchmarkFormat.SplitFolder(split), _format.FileName(subject, split));

    public IEnumerable<Question> Read(string subject, Split split)
    {
        if (!_format.Splits.Contains(split))
        {
            throw new EvalInputException(
                $"{Benchmark.ToId()} has no {BenchmarkFormat.SplitFolder(split)} split; its splits are {string.Join(", ", _format.Splits.Select(BenchmarkFormat.SplitFolder))}.",
                file: Root,
                field: "split");
        }

        var path = PathOf(subject, split);
        if (!File.Exists(path))
        {
            throw new EvalInputException(
                $"no {BenchmarkFormat.SplitFolder(split)} file for subject '{subject}': expected {path} (layout: {Benchmark.ToId()}/{BenchmarkFormat.SplitFolder(split)}/{_format.FileName("<subject>", split)}).",
                file: path);
        }

        return ReadRows(subject, split, path);
    }

    private IEnumerable<Question> ReadRows(string subject, Split split, string path)
    {
        var rows = new QuestionRowParser(_format, subject, split, path);
        var any = false;
        foreach (var record in CsvRecordReader.Read(path))
        {
            if (rows.Parse(record) is { } question)
            {
                any = true;
                yield return question;
            }
        }

        if (!any)
        {
            throw QuestionRowParser.EmptyFile(_format, split, path);
        }
    }

    private IReadOnlyList<SubjectInfo> DiscoverSubjects()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var split in _format.Splits)
        {
            var folder = Path.Combine(Root, BenchmarkFormat.SplitFolder(split));
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            {
                ids.Add(DataFolderValidator.SubjectOfFile(_format, split, file));
            }
        }

        return ids.Select(id => SubjectCatalog.Get(Benchmark, id)).ToList();
    }
}
