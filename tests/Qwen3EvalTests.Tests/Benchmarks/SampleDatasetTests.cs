using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

/// <summary>The three benchmark readers on the shipped sample (data/sample).</summary>
public sealed class SampleDatasetTests
{
    private static IBenchmarkDataset Open(Benchmark benchmark) => DataFolder.Open(DataFolder.SampleDirectory, benchmark);

    [Theory]
    [InlineData("mmlu", "abstract_algebra", 5, 11, 100)]
    [InlineData("mmlu", "global_facts", 5, 10, 100)]
    [InlineData("mmlu", "us_foreign_policy", 5, 11, 100)]
    [InlineData("ceval", "computer_network", 5, 19, 171)]
    [InlineData("ceval", "high_school_physics", 5, 19, 175)]
    [InlineData("ceval", "middle_school_geography", 5, 12, 108)]
    [InlineData("cmmlu", "agronomy", 5, 0, 169)]
    [InlineData("cmmlu", "chinese_food_culture", 5, 0, 136)]
    [InlineData("cmmlu", "college_mathematics", 5, 0, 105)]
    public void ReadsAsManyQuestionsAsTheSubjectCountsList(string benchmark, string subject, int dev, int val, int test)
    {
        var dataset = Open(BenchmarkIds.Parse(benchmark));

        dataset.CountQuestions(subject, Split.Dev).Should().Be(dev);
        dataset.CountQuestions(subject, Split.Val).Should().Be(val);
        dataset.CountQuestions(subject, Split.Test).Should().Be(test);
    }

    [Fact]
    public void ListsTheSubjectsPresentSortedById()
    {
        Open(Benchmark.Mmlu).Subjects.Select(s => s.Id).Should().Equal("abstract_algebra", "global_facts", "us_foreign_policy");
        Open(Benchmark.Cmmlu).Splits.Should().Equal(Split.Dev, Split.Test);
    }

    [Fact]
    public void ReadsCevalTestWithoutAnswers()
    {
        var dataset = Open(Benchmark.Ceval);

        dataset.HasAnswers(Split.Test).Should().BeFalse();
        dataset.Read("computer_network", Split.Test).Should().OnlyContain(q => q.Answer == null && q.Explanation == null);
    }

    [Fact]
    public void ReadsCevalDevExplanationsAndAnswers()
    {
        var first = Open(Benchmark.Ceval).Read("high_school_physics", Split.Dev).First();

        first.Answer.Should().NotBeNull();
        first.Explanation.Should().StartWith("1. 物体受到重力、支持力的作用");
        first.Options.Should().HaveCount(4);
    }

    [Fact]
    public void ReadsAMultiLineQuotedQuestionExactly()
    {
        var question = Open(Benchmark.Mmlu).Read("us_foreign_policy", Split.Test).ElementAt(62);

        question.Text.Should().Be("What were the primary institutions of the liberal international economic order?\nI. GATT\nII. IMF\nIII. World Bank\nIV. NATO");
        question.Options.Should().Equal("IV only", "II and III", "I, II, and III", "I, II, III, and IV");
        question.Answer.Should().Be('C');
        question.Index.Should().Be(62);
        question.Source.Line.Should().Be(63);
    }

    [Fact]
    public void ReadsACrlfFileWithoutCarriageReturnsInFields()
    {
        var path = Open(Benchmark.Mmlu).PathOf("global_facts", Split.Test);
        File.ReadAllText(path).Should().Contain("\r\n", "the fixture must exercise CRLF");

        Open(Benchmark.Mmlu).Read("global_facts", Split.Test)
            .SelectMany(q => q.Options.Append(q.Text))
            .Should().NotContain(text => text.Contains('\r'));
    }

    [Fact]
    public void NumbersQuestionsFromZeroInFileOrderWithTheirSource()
    {
        var questions = Open(Benchmark.Cmmlu).Read("agronomy", Split.Dev).ToList();

        questions.Select(q => q.Index).Should().Equal(0, 1, 2, 3, 4);
        questions[0].Source.Line.Should().Be(2, "line 1 is the header");
        questions.Should().OnlyContain(q => q.Subject == "agronomy" && q.Split == Split.Dev && q.Benchmark == Benchmark.Cmmlu);
    }

    [Fact]
    public void CountsEveryBenchmarkOfTheSample()
    {
        var counts = Open(Benchmark.Ceval).Count();

        counts.Subjects.Should().Be(3);
        counts.QuestionsPerSplit.Should().Equal(new Dictionary<Split, long> { [Split.Dev] = 15, [Split.Val] = 50, [Split.Test] = 454 });
    }
}
