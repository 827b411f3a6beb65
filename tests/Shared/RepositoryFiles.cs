namespace Qwen3EvalTests.Assertions;

/// <summary>Finds checked-in files (baselines/, evalsuites/) from a test's output folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries holding Qwen3EvalTests.sln.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Qwen3EvalTests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Qwen3EvalTests.sln above {AppContext.BaseDirectory}");
    }
}
