namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// How one benchmark lays out its CSV files: the file name of a subject's split, the header row each
/// split must start with (none for MMLU), and which column holds what. Data, not code: the three
/// benchmarks differ only here.
/// </summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Splits">The splits it has.</param>
/// <param name="FileSuffix">Appended to the subject id in file names, per split: MMLU "_test" → abstract_algebra_test.csv; CMMLU none.</param>
/// <param name="Headers">The exact header per split, or none when files have no header.</param>
/// <param name="QuestionColumn">0-based column of the question.</param>
/// <param name="AnswerColumn">0-based column of the answer letter, per split (absent: the split has no answers).</param>
/// <param name="ExplanationColumn">0-based column of an explanation, per split.</param>
public sealed record BenchmarkFormat(
    Benchmark Benchmark,
    IReadOnlyList<Split> Splits,
    Func<Split, string> FileSuffix,
    IReadOnlyDictionary<Split, IReadOnlyList<string>> Headers,
    int QuestionColumn,
    IReadOnlyDictionary<Split, int> AnswerColumn,
    IReadOnlyDictionary<Split, int> ExplanationColumn)
{
    /// <summary>
    /// Rows of a complete dev split per subject: MMLU, C-Eval and CMMLU ship 5, the examples of every protocol's default
    /// 5-shot prompt. <c>data validate</c> refuses a shorter dev file, which a default run would refuse.
    /// </summary>
    public const int StandardDevRows = 5;

    /// <summary>The option columns right after the question column: 4 (A–D) in MMLU, C-Eval and CMMLU. A question's letters follow from it.</summary>
    public int OptionCount { get; init; } = 4;

    /// <summary>The answer letters of this format's questions (A–D for four options).</summary>
    public IReadOnlyList<char> Letters => OptionLetters.For(OptionCount);

    /// <summary>Columns a row of <paramref name="split"/> must have.</summary>
    public int ColumnCount(Split split) => Headers.TryGetValue(split, out var header)
        ? header.Count
        : QuestionColumn + 1 + OptionCount + (AnswerColumn.ContainsKey(split) ? 1 : 0) + (ExplanationColumn.ContainsKey(split) ? 1 : 0);

    public string FileName(string subject, Split split) => $"{subject}{FileSuffix(split)}.csv";

    public static string SplitFolder(Split split) => split.ToString().ToLowerInvariant();

    /// <summary>MMLU (Hendrycks et al.): no header; question,A,B,C,D,answer in every split.</summary>
    public static BenchmarkFormat Mmlu { get; } = new(
        Benchmark.Mmlu,
        [Split.Dev, Split.Val, Split.Test],
        split => "_" + SplitFolder(split),
        new Dictionary<Split, IReadOnlyList<string>>(),
        QuestionColumn: 0,
        new Dictionary<Split, int> { [Split.Dev] = 5, [Split.Val] = 5, [Split.Test] = 5 },
        new Dictionary<Split, int>());

    /// <summary>C-Eval: header id,question,A,B,C,D,answer[,explanation]; dev adds explanation; test has no answer.</summary>
    public static BenchmarkFormat Ceval { get; } = new(
        Benchmark.Ceval,
        [Split.Dev, Split.Val, Split.Test],
        split => "_" + SplitFolder(split),
        new Dictionary<Split, IReadOnlyList<string>>
        {
            [Split.Dev] = ["id", "question", "A", "B", "C", "D", "answer", "explanation"],
            [Split.Val] = ["id", "question", "A", "B", "C", "D", "answer"],
            [Split.Test] = ["id", "question", "A", "B", "C", "D"],
        },
        QuestionColumn: 1,
        new Dictionary<Split, int> { [Split.Dev] = 6, [Split.Val] = 6 },
        new Dictionary<Split, int> { [Split.Dev] = 7 });

    /// <summary>CMMLU: header ,Question,A,B,C,D,Answer (first column a row index); no val split.</summary>
    public static BenchmarkFormat Cmmlu { get; } = new(
        Benchmark.Cmmlu,
        [Split.Dev, Split.Test],
        _ => string.Empty,
        new Dictionary<Split, IReadOnlyList<string>>
        {
            [Split.Dev] = ["", "Question", "A", "B", "C", "D", "Answer"],
            [Split.Test] = ["", "Question", "A", "B", "C", "D", "Answer"],
        },
        QuestionColumn: 1,
        new Dictionary<Split, int> { [Split.Dev] = 6, [Split.Test] = 6 },
        new Dictionary<Split, int>());

    /// <summary>The format of <paramref name="benchmark"/>'s definition.</summary>
    public static BenchmarkFormat Of(Benchmark benchmark) => BenchmarkDefinitions.Get(benchmark).Format;
}
