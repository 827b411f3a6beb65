using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// Real Qwen models against the official numbers. Each case skips — never passes — without the
/// exported model folder, the full data or the requested device, and says which path or property to set.
/// A case with <c>repeats: N</c> (sampled generation) is gated on the repeats' mean, their spread in the tolerance.
/// </summary>
public sealed class OfficialBaselineTests(GateRunnerFixture fixture)
{
    [Theory]
    [MemberData(nameof(GateSuites.OfficialCases), MemberType = typeof(GateSuites))]
    public void ScoreIsWithinToleranceOfTheOfficialBaseline(string caseId)
    {
        var (suite, suiteCase) = GateSuites.Find(caseId);
        var settings = fixture.Runner.Settings;
        var model = suite.Models.Single(m => m.Id == suiteCase.ModelId);
        if (SkipRequirements.OfficialCase(model, suiteCase.Benchmark, settings.ModelsFolder, settings.DataFolder, settings.Device) is { } reason)
        {
            Assert.Skip(reason);
        }

        var runs = fixture.Runner.Run(suite, suiteCase, TestContext.Current.CancellationToken);
        foreach (var run in runs)
        {
            GateRunnerFixture.Attach(run.ResultsFile);
        }

        var baseline = GateSuites.Catalog.FindById(suiteCase.Baseline.Id)
            ?? throw new InvalidOperationException($"suite validation let through an unknown baseline {suiteCase.Baseline.Id}");
        var comparison = BaselineComparison.CompareRepeats(
            runs.Select(r => r.Summary.Accuracy * 100).ToList(), runs[0].Summary.Questions, baseline, suiteCase.Tolerance, GateRunnerFixture.Subjects(runs[0]));
        var measured = comparison.Measured;

        measured.Should().BeWithinToleranceOf(comparison, "{0} should reproduce {1}", suiteCase.DisplayName, baseline.Id);
    }
}
