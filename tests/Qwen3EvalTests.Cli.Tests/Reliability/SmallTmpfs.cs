using System.Diagnostics;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// A small tmpfs mounted for one test (a real full disk, a real read-only file system). Needs root with
/// CAP_SYS_ADMIN; where mounting is not allowed the test skips, saying why.
/// </summary>
internal sealed class SmallTmpfs : IDisposable
{
    private SmallTmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. "256k") at a new folder under <paramref name="parent"/>, or skips the test.</summary>
    public static SmallTmpfs MountOrSkip(string parent, string size)
    {
        var path = System.IO.Path.Combine(parent, "tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        if (exit != 0)
        {
            Directory.Delete(path);
            Assert.Skip($"needs a small tmpfs, and 'mount -t tmpfs' is not allowed here (exit {exit}: {output.Trim()}); run as root with CAP_SYS_ADMIN");
        }

        return new SmallTmpfs(path);
    }

    /// <summary>Writes zeros until the file system is full.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full: that is the point.
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    public void Remount(string mode)
    {
        var (exit, output) = Run("mount", "-o", $"remount,{mode}", Path);
        if (exit != 0)
        {
            Assert.Skip($"needs 'mount -o remount,{mode}' on a tmpfs, which failed here (exit {exit}: {output.Trim()})");
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program}: {e.Message}");
        }
    }
}
