using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// The checked-in suites (evalsuites/*.yaml) and baselines, loaded and validated once. Theory rows are
/// built from them at discovery: one row per suite case, its id as the only (string) argument.
/// </summary>
public static class GateSuites
{
    private static readonly Lazy<(BaselineCatalog Catalog, IReadOnlyList<EvalSuite> Suites)> Loaded = new(() =>
    {
        var catalog = BaselineCatalog.Load(Assertions.RepositoryFiles.PathOf("baselines/official.json"));
        return (catalog, SuiteLoader.LoadAll(Assertions.RepositoryFiles.PathOf(SuiteLoader.RelativeDirectory), catalog));
    });

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

    /// <summary>Cases of generated tiny models, compared with recorded runs (run everywhere).</summary>
    public static TheoryData<string> RecordedCases() => Rows(BaselineOrigin.Recorded);

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
