namespace Qwen3EvalTests.Benchmarks;

/// <summary>Counting conveniences over <see cref="IBenchmarkDataset"/>; every count streams the files.</summary>
public static class BenchmarkDatasetExtensions
{
    /// <summary>
    /// Questions in one subject's split file (0 when the file is absent); a file read whole before, by the validator or a
    /// count, and unchanged since is not read again (<see cref="QuestionCounts"/>).
    /// </summary>
    public static long CountQuestions(this IBenchmarkDataset dataset, string subject, Split split)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var path = dataset.PathOf(subject, split);
        if (QuestionCounts.StampOf(path) is not { } stamp)
        {
            return 0;
        }

        if (QuestionCounts.TryRecall(path, out var known))
        {
            return known;
        }

        long count = 0;
        foreach (var question in dataset.Read(subject, split))
        {
            _ = question;
            count++;
        }

        QuestionCounts.Remember(stamp, count);
        return count;
    }

    /// <summary>Subjects and questions per split of the whole folder.</summary>
    public static BenchmarkCounts Count(this IBenchmarkDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var perSplit = dataset.Splits.ToDictionary(
            split => split,
            split => dataset.Subjects.Sum(subject => dataset.CountQuestions(subject.Id, split)));
        return new BenchmarkCounts(dataset.Benchmark, dataset.Subjects.Count, perSplit);
    }
}
