using System.Reflection;
using System.Runtime.InteropServices;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Provenance;

/// <summary>Captures the <see cref="RunEnvironment"/> of the current process.</summary>
public static class RunEnvironmentProbe
{
    public static RunEnvironment Capture(string engine, string executionProvider, string? modelFolder, string dataFolder, IEnumerable<string> dataFiles)
    {
        IReadOnlyDictionary<string, string> modelFiles = modelFolder is not null && Directory.Exists(modelFolder)
            ? ModelFileHashes.Of(modelFolder)
            : new SortedDictionary<string, string>(StringComparer.Ordinal);

        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in dataFiles.Distinct(StringComparer.Ordinal))
        {
            data[Path.GetRelativePath(dataFolder, file).Replace('\\', '/')] = FileSha256.Of(file);
        }

        return new RunEnvironment(
            HarnessVersion: typeof(RunEnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            GitCommit: GitCommitOf(AppContext.BaseDirectory),
            OperatingSystem: RuntimeInformation.OSDescription,
            Cpu: $"{RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores",
            DotNet: RuntimeInformation.FrameworkDescription,
            Engine: engine,
            ExecutionProvider: executionProvider,
            ModelFiles: modelFiles,
            DataFiles: data)
        {
            Gpu = GpuDescription(),
        };
    }

    /// <summary>The NVIDIA driver version line and the GPU models, read from /proc/driver/nvidia; null without a driver.</summary>
    public static string? GpuDescription()
    {
        const string driver = "/proc/driver/nvidia/version";
        if (!File.Exists(driver))
        {
            return null;
        }

        var version = File.ReadLines(driver).FirstOrDefault()?.Trim() ?? "unknown driver";
        var gpus = Directory.Exists("/proc/driver/nvidia/gpus")
            ? Directory.EnumerateFiles("/proc/driver/nvidia/gpus", "information", SearchOption.AllDirectories)
                .SelectMany(File.ReadLines)
                .Where(l => l.StartsWith("Model:", StringComparison.Ordinal))
                .Select(l => l["Model:".Length..].Trim())
            : [];
        return $"{string.Join(", ", gpus)} ({version})";
    }

    /// <summary>The commit of the git checkout that contains <paramref name="start"/>, read from .git without running git.</summary>
    public static string? GitCommitOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                // A worktree: ".git" is a file "gitdir: <path>".
                var pointer = File.ReadAllText(git).Trim();
                if (pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    return ResolveHead(pointer["gitdir:".Length..].Trim());
                }
            }

            if (Directory.Exists(git))
            {
                return ResolveHead(git);
            }
        }

        return null;
    }

    private static string? ResolveHead(string gitDir)
    {
        var headFile = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headFile))
        {
            return null;
        }

        var head = File.ReadAllText(headFile).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return head;
        }

        var reference = head["ref:".Length..].Trim();
        var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim()))
            : gitDir;
        foreach (var root in new[] { gitDir, commonDir })
        {
            var loose = Path.Combine(root, reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }

            var packed = Path.Combine(root, "packed-refs");
            if (File.Exists(packed))
            {
                var line = File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[..line.IndexOf(' ', StringComparison.Ordinal)];
                }
            }
        }

        return null;
    }
}
