using FluentAssertions.Execution;
using Qwen3EvalTests.Application.Suites;
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
    /// A case against its recorded run: the drift gate — no question changes its answer — and the score within tolerance of the
    /// recording. A case of a model folder or a served model skips, naming what to provide, when the model is not here; a case
    /// whose recording is missing fails, naming the <c>qwen3eval baseline record</c> command that writes it.
    /// </summary>
    public static void RecordedCase(GateRunnerFixture fixture, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (suite, suiteCase) = GateSuites.Find(caseId);
        RecordedCase(fixture.Runner, suite, suiteCase, GateSuites.RecordingPath(suiteCase), cancellationToken);
    }

    /// <summary>
    /// <see cref="RecordedCase(GateRunnerFixture, string, CancellationToken)"/> on explicit inputs: a suite and case loaded by the
    /// caller, run by <paramref name="runner"/>, against the recording at <paramref name="recordingPath"/>.
    /// </summary>
    public static void RecordedCase(SuiteCaseRunner runner, EvalSuite suite, SuiteCase suiteCase, string recordingPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(suiteCase);
        var model = suite.Models.Single(m => m.Id == suiteCase.ModelId);
        var settings = runner.Settings;
        var served = model.Generated is null ? runner.ServedModelName(cancellationToken) : null;
        if (OfficialCaseRequirements.CheckRecorded(model, settings.ModelsFolder, settings.Device, served, settings.Served?.Endpoint) is { } reason)
        {
            Assert.Skip(reason);
        }

        var recorded = Recording(suite, suiteCase, recordingPath);
        var run = runner.Run(suite, suiteCase, cancellationToken).Should().ContainSingle("recorded cases run once").Subject;
        GateRunnerFixture.Attach(run.ResultsFile);
        var drift = AnswerDrift.Between(recorded.Questions, ResultsFile.Read(run.ResultsFile).Answers());
        var measured = run.Summary.Accuracy * 100;
        var comparison = BaselineComparison.Compare(measured, run.Summary.Questions, recorded.Accuracy * 100, suiteCase.Baseline.Id, $"recorded run {suiteCase.Baseline.Id}", suiteCase.Tolerance, GateRunnerFixture.Subjects(run));

        // Both checks are reported together, each failure headed by the check's name ("drift: …", "tolerance: …").
        using (new AssertionScope())
        {
            drift.Should().HaveNoFlips(suiteCase.DisplayName, recordingPath, GateSuites.RecordCommand(suiteCase));
            measured.Should().BeWithinToleranceOf(comparison);
        }
    }

    /// <summary>
    /// A case of a suite with <c>baseline: both</c>: the official number ± tolerance (skipping, as an official case does, without the
    /// model, the full data or the device) and no answer flips against the accepted recorded run. Both checks are reported
    /// together, each failure headed by its name ("tolerance: …", "drift: …").
    /// </summary>
    public static void OfficialAndRecordedCase(GateRunnerFixture fixture, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (suite, suiteCase) = GateSuites.Find(caseId);
        OfficialAndRecordedCase(fixture.Runner, suite, suiteCase, GateSuites.Catalog, GateSuites.RecordingPath(suiteCase), cancellationToken);
    }

    /// <summary>
    /// <see cref="OfficialAndRecordedCase(GateRunnerFixture, string, CancellationToken)"/> on explicit inputs: a suite and case loaded
    /// by the caller with <paramref name="catalog"/>, run by <paramref name="runner"/>, against the recording at <paramref name="recordingPath"/>.
    /// </summary>
    public static void OfficialAndRecordedCase(
        SuiteCaseRunner runner, EvalSuite suite, SuiteCase suiteCase, BaselineCatalog catalog, string recordingPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(suiteCase);
        ArgumentNullException.ThrowIfNull(catalog);
        var settings = runner.Settings;
        var model = suite.Models.Single(m => m.Id == suiteCase.ModelId);
        var served = model.Generated is null ? runner.ServedModelName(cancellationToken) : null;
        if (OfficialCaseRequirements.Check(model, suiteCase.Benchmark, settings.ModelsFolder, settings.DataFolder, settings.Device, served, settings.Served?.Endpoint) is { } reason)
        {
            Assert.Skip(reason);
        }

        var recorded = Recording(suite, suiteCase, recordingPath);
        var run = runner.Run(suite, suiteCase, cancellationToken).Should().ContainSingle("cases gated on a recorded run run once").Subject;
        GateRunnerFixture.Attach(run.ResultsFile);
        var baseline = catalog.FindById(suiteCase.Baseline.Id)
            ?? throw new InvalidOperationException($"suite validation let through an unknown baseline {suiteCase.Baseline.Id}");
        var comparison = BaselineComparison.CompareRepeats([run.Summary.Accuracy * 100], run.Summary.Questions, baseline, suiteCase.Tolerance, GateRunnerFixture.Subjects(run));
        var drift = AnswerDrift.Between(recorded.Questions, ResultsFile.Read(run.ResultsFile).Answers());

        using (new AssertionScope())
        {
            comparison.Measured.Should().BeWithinToleranceOf(comparison, "{0} should reproduce {1}", suiteCase.DisplayName, baseline.Id);
            drift.Should().HaveNoFlips(suiteCase.DisplayName, recordingPath, GateSuites.RecordCommand(suiteCase));
        }
    }

    // A missing recording of a model that is here fails loudly: the gate never passes a case it has nothing to compare with.
    private static RecordedRun Recording(EvalSuite suite, SuiteCase suiteCase, string path)
    {
        if (!File.Exists(path))
        {
            Execute.Assertion.FailWith(AssertionMessageText.Literal(
                $"recording: {suiteCase.DisplayName} has no recorded run at {path} to compare with (suite {suite.Name}, baseline: {suite.Baseline.ToId()}). " +
                $"Record it with `{GateSuites.RecordCommand(suiteCase)}` and commit it."));
        }

        return RecordedRun.Read(path);
    }

    /// <summary>
    /// A case against its official number. Skips — never passes — without the exported model folder, the full data or the
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
        GateSuites.Suites.SelectMany(s => s.Cases).Should().NotBeEmpty($"the suites in {GateSettings.Current.Layout.SuitesDir} expand to no case: a gate that runs nothing passes nothing");
        GateSuites.Suites.SelectMany(s => s.Cases).Select(c => c.Id).Should().OnlyHaveUniqueItems();
        // A generated model runs anywhere, so its recording must be here; a model folder's or a served model's case skips while
        // its model is absent (a freshly written gate project, a CPU runner) and fails naming the record command once it is here.
        var missing = GateSuites.Suites.Where(s => s.Baseline != BaselineOrigin.Official)
            .SelectMany(s => s.Cases.Where(c => s.Models.Any(m => m.Id == c.ModelId && m.Generated is not null)))
            .Where(c => !File.Exists(GateSuites.RecordingPath(c)))
            .Select(c => $"{GateSuites.RecordingPath(c)} (record it with `{GateSuites.RecordCommand(c)}`)")
            .ToList();
        missing.Should().BeEmpty("every case of a generated model gated on a recorded run needs its recording; record them with `qwen3eval baseline record --suite S --case C` and commit baselines/runs/");
    }
}
