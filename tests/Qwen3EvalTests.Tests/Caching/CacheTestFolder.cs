namespace Qwen3EvalTests.Tests.Caching;

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class CacheTestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qwen3eval-cache-").FullName;

    public string CacheFile => System.IO.Path.Combine(Path, "cache.sqlite");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
