namespace Qwen3EvalTests.Cli;

/// <summary>Finds the repository root (the folder holding Qwen3EvalTests.sln) above a start folder.</summary>
public static class RepositoryRoot
{
    public static string Find(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Qwen3EvalTests.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new EvalInputException("no Qwen3EvalTests.sln above the current folder: run from the repository or pass --repo DIR.", file: start);
    }
}
