using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Suites;

using Qwen3EvalTests.Gate;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>The drift gate itself: a model that answers differently must fail its case, listing the flips.</summary>
public sealed class DriftGateTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("qwen3eval-drift-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void ChangingThePlantedLetterFailsTheDriftCaseAndListsTheFlips()
    {
        var (suite, suiteCase) = GateSuites.Find("tiny/tiny-planted-a/mmlu");
        var recorded = RecordedRun.Read(Assertions.RepositoryFiles.PathOf(RepositoryLayout.Baselines + "/" + suiteCase.Baseline.Id));

        // A temp copy of the suite whose planted model answers B instead of A.
        var plantedB = suite with
        {
            Models = suite.Models.Select(m => m.Id == suiteCase.ModelId ? m with { Generated = m.Generated! with { PlantedAnswer = "B" } } : m).ToList(),
        };
        var settings = GateSettings.Current;
        using var runner = new SuiteCaseRunner(new SuiteRunSettings(
            null, null, GateRunnerFixture.SampleFolder, settings.Layout.TinyModelsDir, _output));
        var run = runner.Run(plantedB, suiteCase, TestContext.Current.CancellationToken).Single();
        var current = ResultsFile.Read(run.ResultsFile).Answers();
        var drift = AnswerDrift.Between(recorded.Questions, current);

        drift.HasDrift.Should().BeTrue();
        drift.Changed.Should().HaveCount(recorded.Questions.Count, "every answer moves from A to B");
        drift.BecameWrong.Should().Be(recorded.Questions.Count(q => q.Answer == "A"));
        drift.BecameCorrect.Should().Be(current.Count(q => q.Answer == "B"));
        var act = () => drift.Should().HaveNoFlips(suiteCase.DisplayName, "recorded.json");
        act.Should().Throw<Exception>()
            .WithMessage("*Drift in tiny-planted-a · mmlu · qwen · 5-shot*answers changed*McNemar*A → B (right→wrong)*baseline record*");
    }

    [Fact]
    public void IdenticalAnswersShowNoDrift()
    {
        RecordedAnswer[] answers = [new("s", 0, "A", "A"), new("s", 1, "B", "C")];
        var drift = AnswerDrift.Between(answers, answers);
        drift.HasDrift.Should().BeFalse();
        drift.McNemar.PValue.Should().Be(1);
    }
}
