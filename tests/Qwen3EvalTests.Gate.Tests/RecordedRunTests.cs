using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// Generated tiny models on the shipped sample, against their recorded runs (baselines/runs/): the
/// score must stay within tolerance and — the drift gate — no question may change its answer.
/// An intended change is re-recorded with `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record`.
/// </summary>
public sealed class RecordedRunTests(GateRunnerFixture fixture)
{
    [Theory]
    [MemberData(nameof(GateSuites.RecordedCases), MemberType = typeof(GateSuites))]
    public void AnswersMatchTheRecordedRun(string caseId)
    {
        var (suite, suiteCase) = GateSuites.Find(caseId);
        var recordingPath = Assertions.RepositoryFiles.PathOf(RepositoryLayout.Baselines + "/" + suiteCase.Baseline.Id);
        var recorded = RecordedRun.Read(recordingPath);

        var run = fixture.Runner.Run(suite, suiteCase, TestContext.Current.CancellationToken).Should().ContainSingle("recorded cases run once").Subject;
        GateRunnerFixture.Attach(run.ResultsFile);
        var current = ResultsFile.Read(run.ResultsFile).Answers();

        AnswerDrift.Between(recorded.Questions, current).Should().HaveNoFlips(suiteCase.DisplayName, recordingPath);
        var measured = run.Summary.Accuracy * 100;
        var comparison = BaselineComparison.Compare(measured, run.Summary.Questions, recorded.Accuracy * 100, suiteCase.Baseline.Id, $"recorded run {suiteCase.Baseline.Id}", suiteCase.Tolerance, GateRunnerFixture.Subjects(run));
        measured.Should().BeWithinToleranceOf(comparison);
    }
}
