using System.Diagnostics;

namespace Qwen3EvalTests.Cli.Tests.Caching;

/// <summary>qwen3eval as a separate process (<c>dotnet qwen3eval.dll …</c>), so a test can kill it or run two at once.</summary>
internal sealed class QwenEvalProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private QwenEvalProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => process.HasExited;

    public static QwenEvalProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qwen3eval.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new QwenEvalProcess(Process.Start(info)!);
    }

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await process.WaitAsync();
    }

    public async Task<CliRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends a POSIX signal by name (e.g. "TERM", "INT") with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL on Linux: no cleanup code runs in the child.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
