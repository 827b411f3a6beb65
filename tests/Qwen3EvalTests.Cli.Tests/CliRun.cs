namespace Qwen3EvalTests.Cli.Tests;

/// <summary>One in-process run of qwen3eval: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr without the "note: " lines a run prints at its start (advice about the model or the prompts, never an error).</summary>
    public string StderrWithoutNotes => string.Join('\n', Stderr.Split('\n').Where(line => !line.StartsWith("note: ", StringComparison.Ordinal)));

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await QwenEvalCli.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
