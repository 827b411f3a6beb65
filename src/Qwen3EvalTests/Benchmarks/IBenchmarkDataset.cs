namespace Qwen3EvalTests.Benchmarks;

/// <summary>One benchmark's files in a data folder, read lazily.</summary>
public interface IBenchmarkDataset
{
    Benchmark Benchmark { get; }

    /// <summary>The benchmark's folder, e.g. &lt;data&gt;/mmlu.</summary>
    string Root { get; }

    /// <summary>Subjects with a file in any split, sorted by id.</summary>
    IReadOnlyList<SubjectInfo> Subjects { get; }

    /// <summary>The splits this benchmark has (CMMLU: dev and test).</summary>
    IReadOnlyList<Split> Splits { get; }

    /// <summary>Whether the split carries answers (C-Eval test does not).</summary>
    bool HasAnswers(Split split);

    /// <summary>Where a subject's split file is.</summary>
    string PathOf(string subject, Split split);

    /// <summary>The subject's questions in file order, streamed; a bad row throws <see cref="EvalInputException"/> naming file, line and field.</summary>
    IEnumerable<Question> Read(string subject, Split split);
}
