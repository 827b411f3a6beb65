using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Gate.Snapshots;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// What each gate theory case checks, in one place: the generated gate classes (buildTransitive/Qwen3EvalGate.cs, compiled into
/// the test project) only declare the theories and call these.
/// </summary>
public static class GateChecks
{
    /// <summary>
    /// A case against its recorded run: the score within tolerance and — the drift gate — no question changes its answer.
    /// </summary>
    public static void RecordedCase(GateRunnerFixture fixture, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (suite, suiteCase) = GateSuites.Find(caseId);
        var recordingPath = GateSuites.RecordingPath(suiteCase);
        var recorded = RecordedRun.Read(recordingPath);

        var run = fixture.Runner.Run(suite, suiteCase, cancellationToken).Should().ContainSingle("recorded cases run once").Subject;
        GateRunnerFixture.Attach(run.ResultsFile);
        var current = ResultsFile.Read(run.ResultsFile).Answers();

        AnswerDrift.Between(recorded.Questions, current).Should().HaveNoFlips(suiteCase.DisplayName, recordingPath);
        var measured = run.Summary.Accuracy * 100;
        var comparison = BaselineComparison.Compare(measured, run.Summary.Questions, recorded.Accuracy * 100, suiteCase.Baseline.Id, $"recorded run {suiteCase.Baseline.Id}", suiteCase.Tolerance, GateRunnerFixture.Subjects(run));
        measured.Should().BeWithinToleranceOf(comparison);
    }

    /// <summary>
    /// A real model against its official number. Skips — never passes — without the exported model folder, the full data or the
    /// requested device, saying which path or property to set. A case with <c>repeats: N</c> is gated on the repeats' mean.
    /// </summary>
    public static void OfficialCase(GateRunnerFixture fixture, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (suite, suiteCase) = GateSuites.Find(caseId);
        var settings = fixture.Runner.Settings;
        var model = suite.Models.Single(m => m.Id == suiteCase.ModelId);
        var served = fixture.Runner.ServedModelName(cancellationToken);
        if (OfficialCaseRequirements.Check(model, suiteCase.Benchmark, settings.ModelsFolder, settings.DataFolder, settings.Device, served, settings.Served?.Endpoint) is { } reason)
        {
            Assert.Skip(reason);
        }

        var runs = fixture.Runner.Run(suite, suiteCase, cancellationToken);
        foreach (var run in runs)
        {
            GateRunnerFixture.Attach(run.ResultsFile);
        }

        var baseline = GateSuites.Catalog.FindById(suiteCase.Baseline.Id)
            ?? throw new InvalidOperationException($"suite validation let through an unknown baseline {suiteCase.Baseline.Id}");
        var comparison = BaselineComparison.CompareRepeats(
            runs.Select(r => r.Summary.Accuracy * 100).ToList(), runs[0].Summary.Questions, baseline, suiteCase.Tolerance, GateRunnerFixture.Subjects(runs[0]));
        comparison.Measured.Should().BeWithinToleranceOf(comparison, "{0} should reproduce {1}", suiteCase.DisplayName, baseline.Id);
    }

    /// <summary>The first prompts of a prompt configuration, rendered from the sample, against the approved snapshot in <see cref="GateLayout.SnapshotsDir"/>.</summary>
    public static void PromptSnapshot(string configuration)
    {
        var suiteCase = GateSuites.Suites.SelectMany(s => s.Cases).First(c => PromptConfiguration.Of(c) == configuration);
        var subject = GateRunnerFixture.Sample(suiteCase.Benchmark).Subjects[0];
        var plan = Application.Suites.SuiteCaseRunner.PlanOf(suiteCase, GateRunnerFixture.SampleFolder, limit: 2) with { Subjects = [subject.Id] };
        var prompts = PlanPrompts.Of(plan).Select(p => (p.Question, p.Prompt)).ToList();

        var text = PromptSnapshotText.Format(plan.Settings, subject.Id, plan.EffectiveShots, prompts);
        var name = Path.Combine(GateSettings.Current.Layout.SnapshotsDir, "prompt-" + configuration);
        SnapshotAssert.Matches(text, name + ".approved.txt", name + ".received.txt", SnapshotSettings.FromEnvironment());
    }

    /// <summary>The suites load (every problem of every file reported together), case ids are unique, and every recorded case has its recording.</summary>
    public static void SuitesResolve()
    {
        GateSuites.Suites.Should().NotBeEmpty($"the gate needs at least one suite in {GateSettings.Current.Layout.SuitesDir}");
        GateSuites.Suites.SelectMany(s => s.Cases).Select(c => c.Id).Should().OnlyHaveUniqueItems();
        var missing = GateSuites.Suites.Where(s => s.Baseline == BaselineOrigin.Recorded)
            .SelectMany(s => s.Cases)
            .Select(GateSuites.RecordingPath)
            .Where(p => !File.Exists(p))
            .ToList();
        missing.Should().BeEmpty("every recorded case needs its recorded run; record them with `qwen3eval baseline record`");
    }
}
