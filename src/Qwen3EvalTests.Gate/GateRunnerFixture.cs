using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// One <see cref="SuiteCaseRunner"/> for the whole test run: each model (exported or generated) is
/// loaded once and shared by its cases. Results go to <see cref="GateLayout.ResultsDir"/>. The test project registers it with
/// <c>[assembly: AssemblyFixture(typeof(GateRunnerFixture))]</c> (the package's generated gate source does).
/// </summary>
public sealed class GateRunnerFixture : IDisposable
{
    public GateRunnerFixture()
    {
        var settings = GateSettings.Current;
        Runner = new SuiteCaseRunner(new SuiteRunSettings(
            settings.ModelsDir,
            settings.DataDir,
            SampleFolder: settings.Layout.SampleDataDir,
            TinyModelsFolder: settings.Layout.TinyModelsDir,
            OutputFolder: settings.Layout.ResultsDir,
            settings.Device,
            settings.Limit,
            settings.Served));
    }

    public SuiteCaseRunner Runner { get; }

    public static string SampleFolder => GateSettings.Current.Layout.SampleDataDir;

    public void Dispose() => Runner.Dispose();

    /// <summary>Attaches a results file to the current test result.</summary>
    public static void Attach(string resultsFile) =>
        TestContext.Current.AddAttachment(Path.GetFileName(resultsFile), File.ReadAllText(resultsFile));

    /// <summary>Per-subject accuracy in percent, for the "subjects that deviate most" part of a failure message.</summary>
    public static IReadOnlyList<Baselines.SubjectScore> Subjects(Evaluation.BenchmarkRun run, IReadOnlyDictionary<string, double>? reference = null) =>
        run.Summary.Subjects
            .Select(s => new Baselines.SubjectScore(s.Subject, s.Accuracy.Value * 100, s.Accuracy.Total, reference?.GetValueOrDefault(s.Subject)))
            .ToList();

    public static IBenchmarkDataset Sample(Benchmark benchmark) => DataFolder.Open(SampleFolder, benchmark);
}
