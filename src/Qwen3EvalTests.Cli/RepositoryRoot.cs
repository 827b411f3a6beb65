namespace Qwen3EvalTests.Cli;

/// <summary>Finds the repository root (the folder holding Qwen3EvalTests.sln) above a start folder.</summary>
public static class RepositoryRoot
{
    public static string Find(string start) => RepositoryLayout.FindRoot(start);

    /// <summary>
    /// The folder whose evalsuites/ and baselines/ a command reads: <paramref name="current"/> when it holds evalsuites/ (a
    /// consumer's gate project), else the repository root above it.
    /// </summary>
    public static string OfSuites(string current) =>
        Directory.Exists(Path.Combine(current, RepositoryLayout.Suites)) ? Path.GetFullPath(current) : Find(current);
}
