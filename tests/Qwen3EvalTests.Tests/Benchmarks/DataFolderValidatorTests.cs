using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

public sealed class DataFolderValidatorTests
{
    [Fact]
    public void FindsNoProblemInTheShippedSample()
    {
        var report = DataFolderValidator.Validate(DataFolder.SampleDirectory);

        report.Problems.Should().BeEmpty();
        report.Files.Should().Be(24 + 4); // mmlu5-fixture: two subjects, dev and test
        report.Questions.Should().Be(15 + 32 + 300 + 15 + 50 + 454 + 15 + 410 + 10 + 5);
    }

    [Fact]
    public void CollectsEveryProblemInsteadOfStoppingAtTheFirst()
    {
        using var folder = new TempDataFolder();
        var badAnswers = folder.Write("mmlu/dev/anatomy_dev.csv", "q,a,b,c,d,E\nq,a,b,c,d,A\nq,a,b,c,d,x\n");
        folder.Write("mmlu/val/anatomy_val.csv", "q,a,b,c,d,A\n");
        var empty = folder.Write("mmlu/test/anatomy_test.csv", "");
        var unknown = folder.Write("mmlu/test/astrology_test.csv", "q,a,b,c,d,A\n");
        var noHeader = folder.Write("cmmlu/dev/anatomy.csv", "0,q,a,b,c,d,A\n");
        var unclosed = folder.Write("cmmlu/test/anatomy.csv", ",Question,A,B,C,D,Answer\n0,\"q,a,b,c,d,A\n");

        var report = DataFolderValidator.Validate(folder.Root);

        report.IsValid.Should().BeFalse();
        report.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
        [
            $"{badAnswers}:1: answer: answer must be one of A, B, C, D; found 'E'.",
            $"{badAnswers}:3: answer: answer must be one of A, B, C, D; found 'x'.",
            $"{empty}:1: the file is empty: expected one question per row.",
            $"{unknown}: subject: 'astrology' is not a mmlu subject in the shipped mapping; rename the file to a known subject or remove it.",
            $"{noHeader}:1: header: missing or wrong header: expected ',Question,A,B,C,D,Answer', found '0,q,a,b,c,d,A'.",
            $"{unclosed}:2: a quoted field is never closed: expected a closing '\"' before the end of the file.",
        ]);
    }

    [Fact]
    public void AHeaderOnlyFileIsEmptyAsTheRunReadsIt()
    {
        using var folder = new TempDataFolder();
        var headerOnly = folder.Write("ceval/val/computer_network_val.csv", "id,question,A,B,C,D,answer\n");

        var report = DataFolderValidator.Validate(folder.Root);

        report.Problems.Select(p => p.ToString()).Should().Contain(
            $"{headerOnly}:1: the file is empty: expected the header 'id,question,A,B,C,D,answer' and one question per row.",
            "run refuses this file with the same words (CsvBenchmarkDataset), so validate must refuse it first");
    }

    [Fact]
    public void ReportsASubjectMissingFromOneSplit()
    {
        using var folder = new TempDataFolder();
        folder.Write("mmlu/dev/anatomy_dev.csv", string.Concat(Enumerable.Repeat("q,a,b,c,d,A\n", BenchmarkFormat.StandardDevRows)));
        folder.Write("mmlu/test/anatomy_test.csv", "q,a,b,c,d,A\n");
        Directory.CreateDirectory(Path.Combine(folder.Root, "mmlu", "val"));

        var problem = DataFolderValidator.Validate(folder.Root).Problems.Should().ContainSingle().Which;

        problem.File.Should().Be(Path.Combine(folder.Root, "mmlu", "val", "anatomy_val.csv"));
        problem.Message.Should().Contain("no val file");
    }

    [Fact]
    public void ADevFileShorterThanTheDefaultShotsIsRefusedAsADefaultRunRefusesIt()
    {
        using var folder = new TempDataFolder();
        var dev = folder.Write("mmlu/dev/anatomy_dev.csv", "q,a,b,c,d,A\nq,a,b,c,d,B\n");
        folder.Write("mmlu/val/anatomy_val.csv", "q,a,b,c,d,A\n");
        folder.Write("mmlu/test/anatomy_test.csv", "q,a,b,c,d,A\n");

        var problem = DataFolderValidator.Validate(folder.Root).Problems.Should().ContainSingle().Which;

        problem.ToString().Should().Be($"{dev}: shots: the dev split has 2 rows but 5 shots are needed (a 5-shot prompt takes its examples from it); use a dev file with at least 5 rows, or pass fewer shots (--shots).");
    }

    [Fact]
    public void NoProtocolDefaultsToMoreShotsThanAStandardDevSplitHolds()
    {
        var defaults = Qwen3EvalTests.Prompts.PromptProtocols.All
            .SelectMany(protocol => BenchmarkDefinitions.All.SelectMany(definition => new[] { false, true }
                .Where(chat => protocol.Renders(definition.Benchmark, chat))
                .Select(chat => (protocol.Name, definition.Id, chat, protocol.Settings(definition.Benchmark, chat).DefaultShots))))
            .ToList();

        defaults.Should().NotBeEmpty();
        defaults.Should().OnlyContain(d => d.DefaultShots <= BenchmarkFormat.StandardDevRows, "data validate requires StandardDevRows dev rows, as a default run of any protocol reads at most that many");
    }
}
