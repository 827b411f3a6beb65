namespace Qwen3EvalTests.Cli;

/// <summary>Finds the repository root (the folder holding Qwen3EvalTests.sln) above a start folder.</summary>
public static class RepositoryRoot
{
    public static string Find(string start) => RepositoryLayout.FindRoot(start);
}
