using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

/// <summary>
/// The validator remembers how many questions each file it read whole holds, and a count recalls that while the file is
/// unchanged; the expected counts are the rows written here, and every recalled count equals a fresh read of the file.
/// </summary>
public sealed class QuestionCountsTests
{
    [Fact]
    public void EveryCountAfterValidatingTheSampleEqualsTheQuestionsReadFromItsFile()
    {
        DataFolderValidator.Validate(DataFolder.SampleDirectory).Problems.Should().BeEmpty();

        foreach (var dataset in DataFolder.OpenAll(DataFolder.SampleDirectory))
        {
            foreach (var subject in dataset.Subjects)
            {
                foreach (var split in dataset.Splits)
                {
                    dataset.CountQuestions(subject.Id, split).Should().Be(dataset.Read(subject.Id, split).LongCount(), $"{dataset.Benchmark.ToId()}/{subject.Id} {split}");
                }
            }
        }
    }

    [Fact]
    public void AFileChangedAfterValidationIsCountedAgain()
    {
        using var folder = new TempDataFolder();
        WriteAnatomy(folder, testRows: 2);
        DataFolderValidator.Validate(folder.Root).Problems.Should().BeEmpty();
        var dataset = DataFolder.Open(folder.Root, Benchmark.Mmlu);
        dataset.CountQuestions("anatomy", Split.Test).Should().Be(2);

        var test = WriteAnatomyTest(folder, rows: 5);
        File.SetLastWriteTimeUtc(test, File.GetLastWriteTimeUtc(test).AddSeconds(1));

        dataset.CountQuestions("anatomy", Split.Test).Should().Be(5, "the file has another length and write time since it was counted");
    }

    [Fact]
    public void AFileWithAProblemIsNotRememberedSoItsCountStillFailsOnTheBadRow()
    {
        using var folder = new TempDataFolder();
        WriteAnatomy(folder, testRows: 1);
        var test = folder.Write("mmlu/test/anatomy_test.csv", "q,a,b,c,d,A\nq,a,b,c,d,x\n");
        DataFolderValidator.Validate(folder.Root).Problems.Should().ContainSingle().Which.File.Should().Be(test);
        var dataset = DataFolder.Open(folder.Root, Benchmark.Mmlu);

        var counting = () => dataset.CountQuestions("anatomy", Split.Test);

        counting.Should().Throw<EvalInputException>().WithMessage("*answer must be one of A, B, C, D; found 'x'*");
    }

    [Fact]
    public void AMissingFileCountsNone()
    {
        using var folder = new TempDataFolder();
        WriteAnatomy(folder, testRows: 1);
        var dataset = DataFolder.Open(folder.Root, Benchmark.Mmlu);
        File.Delete(dataset.PathOf("anatomy", Split.Test));

        dataset.CountQuestions("anatomy", Split.Test).Should().Be(0);
    }

    private static void WriteAnatomy(TempDataFolder folder, int testRows)
    {
        folder.Write("mmlu/dev/anatomy_dev.csv", string.Concat(Enumerable.Repeat("q,a,b,c,d,A\n", BenchmarkFormat.StandardDevRows)));
        folder.Write("mmlu/val/anatomy_val.csv", "q,a,b,c,d,B\n");
        WriteAnatomyTest(folder, testRows);
    }

    private static string WriteAnatomyTest(TempDataFolder folder, int rows) =>
        folder.Write("mmlu/test/anatomy_test.csv", string.Concat(Enumerable.Range(0, rows).Select(i => $"question {i},a,b,c,d,C\n")));
}
