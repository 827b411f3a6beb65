namespace Qwen3EvalTests.Assertions;

/// <summary>Finds checked-in files (baselines/, evalsuites/) from a test's output folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() => RepositoryLayout.FindRoot(AppContext.BaseDirectory));

    /// <summary>The repository root: the nearest folder above the test binaries holding Qwen3EvalTests.sln.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => RepositoryLayout.Under(Root, relative);
}
