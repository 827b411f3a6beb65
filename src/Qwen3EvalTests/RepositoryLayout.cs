namespace Qwen3EvalTests;

/// <summary>
/// Every checked-in or conventional path of the repository, relative to its root (the folder holding
/// <see cref="SolutionFile"/>), and the one way to find that root. Commands and tests ask here; none spells a path itself.
/// </summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "Qwen3EvalTests.sln";

    /// <summary>The shipped sample of MMLU, C-Eval and CMMLU.</summary>
    public const string SampleData = "data/sample";

    /// <summary>The suite files (evalsuites/*.yaml).</summary>
    public const string Suites = "evalsuites";

    /// <summary>The folder of the official baseline catalogue and the recorded runs.</summary>
    public const string Baselines = "baselines";

    /// <summary>The official baseline catalogue.</summary>
    public const string OfficialBaselines = "baselines/official.json";

    /// <summary>Where generated tiny models are cached (git-ignored).</summary>
    public const string TinyModels = "artifacts/models";

    /// <summary>Where the gate writes its results JSON (git-ignored).</summary>
    public const string GateResults = "TestResults/eval";

    /// <summary>The full benchmark data when it sits beside the checkout (optional).</summary>
    public const string SharedData = "../shared/data";

    /// <summary>The root above <paramref name="start"/> (then above the running binaries), or null when there is none.</summary>
    public static string? TryFindRoot(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <exception cref="EvalInputException">No repository above <paramref name="start"/>.</exception>
    public static string FindRoot(string start) => TryFindRoot(start)
        ?? throw new EvalInputException($"no {SolutionFile} above the current folder: run from the repository or pass --repo DIR.", file: start);

    /// <summary>A layout path under <paramref name="root"/>, with the platform's separators.</summary>
    public static string Under(string root, string relative) => Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
}
