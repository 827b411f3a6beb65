using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Qwen3EvalTests.Suites;

/// <summary>
/// Loads evalsuites/*.yaml, validates every suite against the baseline catalog and expands it to cases.
/// Runs before any model is loaded; every problem of a file (or of a whole directory) is reported together.
/// </summary>
public static class SuiteLoader
{
    /// <summary>The suite schema version this code reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The suites' folder relative to the repository root.</summary>
    public const string RelativeDirectory = RepositoryLayout.Suites;

    /// <summary>Loads one suite file.</summary>
    public static EvalSuite Load(string path, BaselineCatalog catalog)
    {
        if (!File.Exists(path))
        {
            throw new EvalInputException("suite file not found; expected a YAML file such as evalsuites/qwen2.yaml.", path);
        }

        var problems = new InputProblemList(path);
        var suite = Read(File.ReadAllText(path), path, catalog, problems);
        problems.ThrowIfAny("the suite");
        return suite!;
    }

    /// <summary>Validates suite YAML text; <paramref name="file"/> names it in messages.</summary>
    public static EvalSuite Parse(string yaml, string file, BaselineCatalog catalog)
    {
        var problems = new InputProblemList(file);
        var suite = Read(yaml, file, catalog, problems);
        problems.ThrowIfAny("the suite");
        return suite!;
    }

    /// <summary>Loads every *.yaml in a folder; problems of all files are reported together.</summary>
    public static IReadOnlyList<EvalSuite> LoadAll(string directory, BaselineCatalog catalog)
    {
        if (!Directory.Exists(directory))
        {
            throw new EvalInputException("suites folder not found; expected the evalsuites/ folder of the repository.", directory);
        }

        var problems = new InputProblemList(directory);
        var suites = new List<EvalSuite>();
        foreach (var path in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var fileProblems = new InputProblemList(path);
            var suite = Read(File.ReadAllText(path), path, catalog, fileProblems);
            problems.AddRange(fileProblems.Problems);
            if (suite is not null && fileProblems.Count == 0)
            {
                suites.Add(suite);
            }
        }

        foreach (var clash in suites.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add("name", $"suite name '{clash.Key}' is used by {string.Join(", ", clash.Select(s => Path.GetFileName(s.File)))}; expected unique names.");
        }

        problems.ThrowIfAny("the suites");
        return suites;
    }

    private static EvalSuite? Read(string yaml, string file, BaselineCatalog catalog, InputProblemList problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            problems.Add("(syntax)", $"not valid YAML: {e.Message}", e.Start.Line);
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, for some unterminated flow collections.
            problems.Add("(syntax)", $"not valid YAML (an unclosed [ or {{?): {e.Message}");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add("(root)", "expected one YAML document holding a mapping with schemaVersion, name, family, models, benchmarks, tolerance.");
            return null;
        }

        return new SuiteReader(catalog, problems).ReadSuite(new YamlFields(root, "", problems), file);
    }

    /// <summary>Where a recorded run for a tiny model lives, relative to baselines/.</summary>
    public static string RecordedRunPath(string suite, string modelId, Benchmark benchmark) => $"runs/{suite}/{modelId}/{benchmark.ToId()}.json";
}
