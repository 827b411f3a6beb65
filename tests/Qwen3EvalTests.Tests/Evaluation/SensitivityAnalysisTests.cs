using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Tests.Benchmarks;

namespace Qwen3EvalTests.Tests.Evaluation;

public sealed class SensitivityAnalysisTests : IDisposable
{
    private readonly TempDataFolder _data = new();
    private readonly string _out = Directory.CreateTempSubdirectory("qwen3eval-sensitivity-").FullName;

    public SensitivityAnalysisTests()
    {
        // Every answer is A, in two subjects of different sizes (so micro and macro differ only if accuracy differs per subject).
        foreach (var (subject, count) in new[] { ("abstract_algebra", 4), ("global_facts", 2) })
        {
            _data.Write($"mmlu/dev/{subject}_dev.csv", string.Concat(Enumerable.Range(0, 5).Select(i => $"dev question {i},a,b,c,d,A\n")));
            _data.Write($"mmlu/test/{subject}_test.csv", string.Concat(Enumerable.Range(0, count).Select(i => $"test question {i},a,b,c,d,A\n")));
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    // With a leading space the model prefers " A" (right); without, it prefers "B" (wrong).
    private static double SpaceSensitive(string context, string continuation) => continuation.StartsWith(' ')
        ? (continuation.Trim() == "A" ? -1 : -3)
        : (continuation == "B" ? -1 : -3);

    private SensitivityRequest Request(params SensitivityFactor[] factors) => new(Benchmark.Mmlu, _data.Root, factors, Limit: null, _out);

    [Fact]
    public void NamesTheAnswerSpaceAsTheFactorThatMovedTheScoreMost()
    {
        using var model = new FakeLanguageModel(SpaceSensitive);

        var report = new SensitivityAnalysis(model).Run(Request(SensitivityFactor.Shots, SensitivityFactor.AnswerSpace, SensitivityFactor.Average), cancellationToken: TestContext.Current.CancellationToken);

        report.Reference.Score.Should().Be(1.0);
        report.Rows.Select(r => (r.Factor, r.Setting)).Should().Equal(("shots", "0-shot"), ("answer-space", "no-space"), ("average", "macro"));
        report.Rows.Single(r => r.Factor == "answer-space").Delta.Should().BeApproximately(-1.0, 1e-12);
        report.Rows.Single(r => r.Factor == "shots").Delta.Should().Be(0);
        report.MovedMost.Should().Be("answer-space");
        report.MovedMostDelta.Should().BeApproximately(-1.0, 1e-12);
    }

    [Fact]
    public void RecomputesTheOtherAverageWithoutExtraInference()
    {
        // Right only on abstract_algebra questions: micro 4/6, macro (1 + 0) / 2.
        using var model = new FakeLanguageModel((context, c) => context.Contains("abstract algebra", StringComparison.Ordinal) == (c.Trim() == "A") ? -1 : -3);

        var report = new SensitivityAnalysis(model).Run(Request(SensitivityFactor.Average), cancellationToken: TestContext.Current.CancellationToken);

        model.ScoredRequests.Should().Be(6, "only the reference run asks the model");
        report.Reference.Score.Should().BeApproximately(4 / 6.0, 1e-12);
        report.Rows.Should().ContainSingle().Which.Score.Should().BeApproximately(0.5, 1e-12);
        report.Rows[0].Delta.Should().BeApproximately(0.5 - 4 / 6.0, 1e-12);
    }

    [Fact]
    public void RunsEveryFactorAndSaysWhenABaseModelIsPutInChatForm()
    {
        using var model = new FakeLanguageModel(SpaceSensitive, _ => "答案是 A");

        var report = new SensitivityAnalysis(model).Run(Request([.. SensitivityFactors.All]), cancellationToken: TestContext.Current.CancellationToken);

        report.Rows.Select(r => r.Factor).Distinct().Should().Equal("protocol", "shots", "scoring", "chat", "answer-space", "average");
        var chat = report.Rows.Single(r => r.Factor == "chat");
        chat.Note.Should().Contain("AllowKindMismatch=true");
        chat.Score.Should().Be(1.0);
        model.Generations.Should().Be(6);
        report.Rows.Should().OnlyContain(r => r.Low95 <= r.Score && r.Score <= r.High95);
    }

    [Fact]
    public void TheReportReadsBackFromItsFile()
    {
        using var model = new FakeLanguageModel(SpaceSensitive);
        var report = new SensitivityAnalysis(model).Run(Request(SensitivityFactor.AnswerSpace), cancellationToken: TestContext.Current.CancellationToken);
        var path = Path.Combine(_out, "sensitivity.json");

        report.Write(path);

        SensitivityReport.Read(path).Should().BeEquivalentTo(report);
    }

    [Fact]
    public void UnknownFactorNamesAreRefusedNamingTheChoices()
    {
        var act = () => SensitivityFactors.Parse(["protocol,colour"]);

        act.Should().Throw<EvalInputException>().Which.Message.Should().Contain("colour").And.Contain("answer-space");
    }
}
