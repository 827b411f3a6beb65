using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Tests.Benchmarks;

public sealed class SubjectCatalogTests
{
    [Theory]
    [InlineData("mmlu", 57)]
    [InlineData("ceval", 52)]
    [InlineData("cmmlu", 67)]
    public void ListsEverySubjectOfTheMappingSortedById(string benchmark, int count)
    {
        var subjects = SubjectCatalog.For(BenchmarkIds.Parse(benchmark));

        subjects.Should().HaveCount(count);
        subjects.Select(s => s.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void MapsMmluCategoriesToTheFourShortNames()
    {
        var counts = SubjectCatalog.For(Benchmark.Mmlu).GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count());

        counts.Should().Equal(new Dictionary<string, int> { ["STEM"] = 18, ["humanities"] = 13, ["social sciences"] = 12, ["other"] = 14 });
    }

    [Fact]
    public void DescribesAnMmluSubjectFromItsId()
    {
        SubjectCatalog.Get(Benchmark.Mmlu, "high_school_physics").Should().BeEquivalentTo(new
        {
            DisplayName = "high school physics",
            ChineseName = (string?)null,
            Category = "STEM",
            Subcategories = new[] { "physics" },
        });
    }

    [Fact]
    public void MarksTheEightHardCevalSubjects()
    {
        SubjectCatalog.For(Benchmark.Ceval).Where(s => s.IsHard).Select(s => s.Id).Should().BeEquivalentTo(
            "advanced_mathematics", "discrete_mathematics", "probability_and_statistics", "college_physics",
            "college_chemistry", "high_school_mathematics", "high_school_physics", "high_school_chemistry");
    }

    [Fact]
    public void DescribesACevalSubjectWithEnglishAndChineseNames()
    {
        SubjectCatalog.Get(Benchmark.Ceval, "computer_network").Should().BeEquivalentTo(new
        {
            DisplayName = "Computer Network",
            ChineseName = "计算机网络",
            Category = "STEM",
            IsHard = false,
        });
    }

    [Fact]
    public void MarksFifteenChinaSpecificCmmluSubjects()
    {
        SubjectCatalog.For(Benchmark.Cmmlu).Count(s => s.IsChinaSpecific).Should().Be(15);
        SubjectCatalog.Get(Benchmark.Cmmlu, "agronomy").Should().BeEquivalentTo(new { ChineseName = "农学", Category = "Other", Subcategories = new[] { "other" } });
    }

    [Fact]
    public void RejectsAnUnknownSubjectNamingTheBenchmarkAndSomeValidIds()
    {
        var get = () => SubjectCatalog.Get(Benchmark.Mmlu, "astrology");

        get.Should().Throw<EvalInputException>().WithMessage("*unknown mmlu subject 'astrology'*abstract_algebra*");
    }

    [Fact]
    public void TryGetReturnsFalseForAnUnknownSubject()
    {
        SubjectCatalog.TryGet(Benchmark.Cmmlu, "astrology", out _).Should().BeFalse();
        SubjectCatalog.TryGet(Benchmark.Cmmlu, "anatomy", out var anatomy).Should().BeTrue();
        anatomy.Benchmark.Should().Be(Benchmark.Cmmlu);
    }
}
