using System.Text;

namespace Qwen3EvalTests.Tests.Benchmarks;

/// <summary>A throw-away data folder for one test; files are written byte-exact (UTF-8, no BOM unless given).</summary>
public sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "qwen3eval-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="content"/> at <paramref name="relativePath"/> (forward slashes) and returns the full path.</summary>
    public string Write(string relativePath, string content, bool withBom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return WriteBytes(relativePath, withBom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
