namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>A temporary folder for one test class, with copies of the sample data and of the tiny model to break.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qwen3eval-reliability-").FullName;

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of the shipped sample data (all three benchmarks) under <paramref name="name"/>.</summary>
    public string CopyOfSampleData(string name)
    {
        var target = this[name];
        Copy(Benchmarks.DataFolder.SampleDirectory, target);
        return target;
    }

    /// <summary>A copy of the generated tiny model folder under <paramref name="name"/>.</summary>
    public string CopyOfTinyModel(string name)
    {
        var target = this[name];
        Copy(TinyModel.Folder, target);
        return target;
    }

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

    private static void Copy(string source, string target)
    {
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, folder)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file)));
        }
    }
}
