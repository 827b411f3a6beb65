namespace Qwen3EvalTests.Cli.Tests;

/// <summary>The repository checkout the tests run from: the folder holding Qwen3EvalTests.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    /// <summary>Where the full benchmark data sits beside the checkout (../shared/data); it may be absent.</summary>
    public static string SharedData => RepositoryLayout.Under(Path, RepositoryLayout.SharedData);
}
