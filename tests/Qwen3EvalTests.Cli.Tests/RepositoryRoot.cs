namespace Qwen3EvalTests.Cli.Tests;

/// <summary>The repository checkout the tests run from: the folder holding Qwen3EvalTests.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Where the full benchmark data sits beside the checkout (../shared/data); it may be absent.</summary>
    public static string SharedData => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "data"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Qwen3EvalTests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Qwen3EvalTests.sln above {AppContext.BaseDirectory}");
    }
}
