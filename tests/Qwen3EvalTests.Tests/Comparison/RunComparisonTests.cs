using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests.Results;

namespace Qwen3EvalTests.Tests.Comparison;

public sealed class RunComparisonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ResultsFile RunA() => HandBuiltResults.File(
        HandBuiltResults.Header(),
        ("algebra", "A", "A"), ("algebra", "B", "B"), ("algebra", "C", "D"), ("law", "A", "A"), ("law", "D", "C"));

    private static ResultsFile RunB(string protocol = "lm-eval") => HandBuiltResults.File(
        HandBuiltResults.Header(protocol),
        ("algebra", "A", "A"), ("algebra", "B", "C"), ("algebra", "C", "C"), ("law", "A", "A"), ("law", "D", "D"));

    [Fact]
    public void ReportsOverallAndPerSubjectDeltas()
    {
        var comparison = RunComparison.Compare(RunA(), "a.json", RunB(), "b.json");

        comparison.AccuracyA.Should().BeApproximately(3 / 5.0, 1e-12);
        comparison.AccuracyB.Should().BeApproximately(4 / 5.0, 1e-12);
        comparison.Delta.Should().BeApproximately(0.2, 1e-12);
        comparison.Subjects.Select(s => s.Subject).Should().Equal("algebra", "law");
        comparison.Subjects[0].Delta.Should().BeApproximately(0, 1e-12);
        comparison.Subjects[1].Delta.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void RunsOfTheSameQuestionsHaveEveryQuestionInCommon()
    {
        var comparison = RunComparison.Compare(RunA(), "a.json", RunB(), "b.json");

        comparison.QuestionsA.Should().Be(5);
        comparison.QuestionsB.Should().Be(5);
        comparison.Common.Should().Be(5);
        comparison.SameQuestions.Should().BeTrue();
    }

    [Fact]
    public void APartialOverlapIsComparedOnTheCommonQuestionsOnly()
    {
        // A: algebra 0-3 (right, right, wrong, wrong) and law 0 (right); B: algebra 0-1 (wrong, right) and optics 0 (right).
        var a = HandBuiltResults.File(HandBuiltResults.Header(), ("algebra", "A", "A"), ("algebra", "B", "B"), ("algebra", "C", "D"), ("algebra", "D", "A"), ("law", "A", "A"));
        var b = HandBuiltResults.File(HandBuiltResults.Header(), ("algebra", "A", "C"), ("algebra", "B", "B"), ("optics", "C", "C"));

        var comparison = RunComparison.Compare(a, "a.json", b, "b.json");

        comparison.QuestionsA.Should().Be(5);
        comparison.QuestionsB.Should().Be(3);
        comparison.Common.Should().Be(2, "algebra 0 and 1 are the only questions both scored");
        comparison.SameQuestions.Should().BeFalse();
        comparison.AccuracyA.Should().BeApproximately(1.0, 1e-12, "A answered algebra 0 and 1 right (its 3/5 overall is not compared)");
        comparison.AccuracyB.Should().BeApproximately(0.5, 1e-12);
        comparison.Delta.Should().BeApproximately(-0.5, 1e-12);
        comparison.Subjects.Should().Equal(
            new SubjectDelta("algebra", 4, 2, 2, 1.0, 0.5),
            new SubjectDelta("law", 1, null, 0, null, null),
            new SubjectDelta("optics", null, 1, 0, null, null));
        comparison.Subjects[1].Delta.Should().BeNull("a subject absent from B has no delta, not -100 points");
    }

    [Fact]
    public void RunsWithNoQuestionInCommonAreRefusedWithBothCounts()
    {
        var a = HandBuiltResults.File(HandBuiltResults.Header(), ("algebra", "A", "A"), ("algebra", "B", "B"));
        var b = HandBuiltResults.File(HandBuiltResults.Header(), ("law", "A", "A"), ("law", "B", "C"), ("law", "C", "C"));

        var act = () => RunComparison.Compare(a, "runs/a.json", b, "runs/b.json");

        act.Should().Throw<EvalInputException>().Which.Message.Should()
            .Contain("no question in common").And.Contain("runs/a.json scored 2 questions").And.Contain("runs/b.json 3");
    }

    [Fact]
    public void DataFileDifferencesAreCountedInOneEntry()
    {
        var header = HandBuiltResults.Header();
        var files = new Dictionary<string, string> { ["mmlu/test/a_test.csv"] = "changed" };
        for (var i = 0; i < 110; i++)
        {
            files[$"mmlu/test/s{i}_test.csv"] = "new";
        }

        var b = HandBuiltResults.File(header with { Environment = header.Environment with { DataFiles = files } }, ("algebra", "A", "A"));

        var comparison = RunComparison.Compare(RunA(), "a.json", b, "b.json");

        comparison.Differences.Where(d => d.AffectsScore).Select(d => d.ToString()).Should().Equal("data files (110 files added, 1 file changed)");
    }

    [Fact]
    public void CountsFlipsInEachDirectionWithMcNemar()
    {
        var comparison = RunComparison.Compare(RunA(), "a.json", RunB(), "b.json");

        comparison.Drift.Changed.Should().HaveCount(3);
        comparison.Drift.BecameWrong.Should().Be(1);
        comparison.Drift.BecameCorrect.Should().Be(2);
        comparison.Drift.McNemar.B.Should().Be(1);
        comparison.Drift.McNemar.C.Should().Be(2);
        comparison.Drift.McNemar.PValue.Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void NamesTheProtocolAsTheDifferenceBetweenManifests()
    {
        var comparison = RunComparison.Compare(RunA(), "a.json", RunB(), "b.json");

        comparison.SameIdentity.Should().BeFalse();
        comparison.Differences.Where(d => d.AffectsScore).Select(d => d.ToString()).Should().Equal("protocol (qwen → lm-eval)");
    }

    [Fact]
    public void NamesAChangedModelFileByName()
    {
        var b = HandBuiltResults.File(HandBuiltResults.Header(modelHash: "bbbb"), ("algebra", "A", "A"));
        var comparison = RunComparison.Compare(RunA(), "a.json", b, "b.json");

        comparison.Differences.Should().ContainSingle(d => d.AffectsScore).Which.ToString().Should().Be("model file model.onnx (aaaa → bbbb)");
    }

    [Fact]
    public void IdenticalSettingsHaveTheSameIdentityAndNoDifferences()
    {
        var comparison = RunComparison.Compare(RunA(), "a.json", RunA(), "a2.json");

        comparison.SameIdentity.Should().BeTrue();
        comparison.Differences.Should().BeEmpty();
        comparison.Drift.HasDrift.Should().BeFalse();
    }

    [Fact]
    public void RefusesRunsOfDifferentBenchmarksNamingBothFilesAndBenchmarks()
    {
        var cmmlu = HandBuiltResults.File(HandBuiltResults.Header(benchmark: "cmmlu"), ("agronomy", "A", "A"));

        var act = () => RunComparison.Compare(RunA(), "runs/a.json", cmmlu, "runs/b.json");

        act.Should().Throw<EvalInputException>()
            .Which.Message.Should().Contain("runs/a.json is mmlu").And.Contain("runs/b.json is cmmlu");
    }

    [Fact]
    public void AMissingFileIsAClearError()
    {
        var missing = Path.Combine(_folder, "missing.json");

        var act = () => RunComparison.Compare(missing, missing);

        act.Should().Throw<EvalInputException>().Which.Message.Should().Contain(missing).And.Contain("not found");
    }

    [Fact]
    public void AnotherKindOfVersionedJsonIsNotTakenForAResultsFile()
    {
        var sensitivity = Path.Combine(_folder, "mmlu-sensitivity.json");
        File.WriteAllText(sensitivity, """{"formatVersion": 1, "benchmark": "mmlu", "rows": []}""");

        var act = () => RunComparison.Compare(sensitivity, sensitivity);

        act.Should().Throw<EvalInputException>().Which.Message.Should().Contain(sensitivity).And.Contain("not a results file: it has no 'run'");
    }

    [Fact]
    public void AnUnknownFormatVersionGivesTheReadersError()
    {
        var future = Path.Combine(_folder, "future.json");
        File.WriteAllText(future, """{"formatVersion": 99}""");

        var act = () => RunComparison.Compare(future, future);

        act.Should().Throw<EvalInputException>().Which.Message.Should().Contain("format version 99");
    }
}
