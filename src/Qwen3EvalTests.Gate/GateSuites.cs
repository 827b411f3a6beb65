using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// The test project's suites (<see cref="GateLayout.SuitesDir"/>, <c>*.yaml</c>) and baselines (the official ones shipped in
/// the package, extended by the project's own <c>baselines/official.json</c> when it has one), loaded and validated once.
/// Theory rows are built from them at discovery: one row per suite case, its id as the only (string) argument.
/// </summary>
public static class GateSuites
{
    private static readonly Lazy<(BaselineCatalog Catalog, IReadOnlyList<EvalSuite> Suites)> Loaded = new(() =>
    {
        var layout = GateSettings.Current.Layout;
        var catalog = CatalogOf(layout);
        return (catalog, SuiteLoader.LoadAll(layout.SuitesDir, catalog));
    });

    /// <summary>The shipped official baselines, extended by the project's own file when it is another file.</summary>
    public static BaselineCatalog CatalogOf(GateLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var official = BaselineCatalog.Load(layout.OfficialBaselinesFile);
        var own = Path.Combine(layout.BaselinesDir, GateLayout.OwnBaselinesFileName);
        return File.Exists(own) && !string.Equals(Path.GetFullPath(own), layout.OfficialBaselinesFile, StringComparison.Ordinal)
            ? official.ExtendedWith(BaselineCatalog.Load(own))
            : official;
    }

    /// <summary>The recorded run a case of a recorded or both suite is compared with.</summary>
    public static string RecordingPath(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var relative = suiteCase.Baseline.RecordingPath
            ?? throw new InvalidOperationException($"case {suiteCase.Id} is gated on an official number alone; it has no recording");
        return Path.GetFullPath(Path.Combine(GateSettings.Current.Layout.BaselinesDir, relative));
    }

    /// <summary>The command that (re-)records a case: <c>qwen3eval baseline record --suite S --case C</c>.</summary>
    public static string RecordCommand(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        return $"qwen3eval baseline record --suite {suiteCase.Suite} --case {suiteCase.Id}";
    }

    public static BaselineCatalog Catalog => Loaded.Value.Catalog;

    public static IReadOnlyList<EvalSuite> Suites => Loaded.Value.Suites;

    public static (EvalSuite Suite, SuiteCase Case) Find(string caseId)
    {
        foreach (var suite in Suites)
        {
            if (suite.Cases.FirstOrDefault(c => c.Id == caseId) is { } found)
            {
                return (suite, found);
            }
        }

        throw new InvalidOperationException($"no suite case {caseId}");
    }

    /// <summary>Cases compared with official numbers (real Qwen models; skipped without models and data).</summary>
    public static TheoryData<string> OfficialCases() => Rows(BaselineOrigin.Official);

    /// <summary>Cases compared with recorded runs: generated tiny models (run everywhere), your own model folders and served models.</summary>
    public static TheoryData<string> RecordedCases() => Rows(BaselineOrigin.Recorded);

    /// <summary>Cases of suites with <c>baseline: both</c>: the official number ± tolerance and no answer flips against the recorded run.</summary>
    public static TheoryData<string> OfficialAndRecordedCases() => Rows(BaselineOrigin.Both);

    /// <summary>Every suite benchmark entry's prompt configuration, once (a snapshot each).</summary>
    public static TheoryData<string> PromptConfigurations()
    {
        var rows = new TheoryData<string>();
        foreach (var key in Suites.SelectMany(s => s.Cases).Select(PromptConfiguration.Of).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(new TheoryDataRow<string>(key).WithTestDisplayName($"prompt snapshot · {key}"));
        }

        return rows;
    }

    private static TheoryData<string> Rows(BaselineOrigin origin)
    {
        var rows = new TheoryData<string>();
        foreach (var suite in Suites.Where(s => s.Baseline == origin))
        {
            foreach (var c in suite.Cases)
            {
                rows.Add(new TheoryDataRow<string>(c.Id)
                    .WithTestDisplayName(c.DisplayName)
                    .WithTrait("Benchmark", c.Benchmark.ToString().ToLowerInvariant())
                    .WithTrait("Model", c.ModelId)
                    .WithTrait("Kind", c.Kind.ToString().ToLowerInvariant())
                    .WithTrait("Suite", c.Suite));
            }
        }

        return rows;
    }
}
