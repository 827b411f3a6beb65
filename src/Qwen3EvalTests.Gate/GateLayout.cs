namespace Qwen3EvalTests.Gate;

/// <summary>
/// Where the gate finds a test project's inputs and writes its outputs, all resolved by the MSBuild properties of
/// buildTransitive/Qwen3EvalTests.Xunit.props relative to the consumer's project (each overridable) and baked into its test
/// assembly as metadata.
/// </summary>
/// <param name="SuitesDir">The suites (<c>*.yaml</c>): <c>Qwen3EvalSuitesDir</c>, default <c>evalsuites/</c> beside the project.</param>
/// <param name="BaselinesDir">Recorded runs (<c>runs/…</c>) and the project's own baselines file: <c>Qwen3EvalBaselinesDir</c>, default <c>baselines/</c>.</param>
/// <param name="OfficialBaselinesFile">The official Qwen numbers shipped in the package: <c>Qwen3EvalOfficialBaselines</c>.</param>
/// <param name="SnapshotsDir">Approved prompt snapshots: <c>Qwen3EvalSnapshotsDir</c>, default <c>Snapshots/</c>.</param>
/// <param name="SampleDataDir">The sample generated models are evaluated on: <c>Qwen3EvalSampleDataDir</c>, default the package's.</param>
/// <param name="TinyModelsDir">Where generated tiny models are cached: <c>Qwen3EvalTinyModelsDir</c>.</param>
/// <param name="ResultsDir">Where each case's results JSON goes (the gate summary reads it): <c>Qwen3EvalResultsDir</c>, default <c>TestResults/eval/</c>.</param>
public sealed record GateLayout(
    string SuitesDir,
    string BaselinesDir,
    string OfficialBaselinesFile,
    string SnapshotsDir,
    string SampleDataDir,
    string TinyModelsDir,
    string ResultsDir)
{
    /// <summary>The baselines file of the project itself, which extends the official one when present.</summary>
    public const string OwnBaselinesFileName = "official.json";

    /// <summary>The MSBuild property (and assembly metadata key) of each path.</summary>
    public static IReadOnlyList<string> Properties { get; } =
    [
        "Qwen3EvalSuitesDir", "Qwen3EvalBaselinesDir", "Qwen3EvalOfficialBaselines", "Qwen3EvalSnapshotsDir",
        "Qwen3EvalSampleDataDir", "Qwen3EvalTinyModelsDir", "Qwen3EvalResultsDir",
    ];

    /// <summary>The layout baked into the test assembly.</summary>
    /// <exception cref="EvalInputException">A path is missing: the package's props were not imported.</exception>
    public static GateLayout From(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var missing = Properties.Where(p => string.IsNullOrWhiteSpace(metadata.GetValueOrDefault(p))).ToList();
        if (missing.Count > 0)
        {
            throw new EvalInputException(
                $"the test assembly carries no {string.Join(", ", missing)}: the gate's MSBuild props (buildTransitive/Qwen3EvalTests.Xunit.props of the Qwen3EvalTests.Xunit package) were not imported. Reference the package with a PackageReference (not a plain assembly reference), or set the properties in the project.",
                field: missing[0]);
        }

        string Path(int i) => System.IO.Path.GetFullPath(metadata[Properties[i]]);
        return new GateLayout(Path(0), Path(1), Path(2), Path(3), Path(4), Path(5), Path(6));
    }
}
