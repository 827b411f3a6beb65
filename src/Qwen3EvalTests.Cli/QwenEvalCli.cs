using System.CommandLine;
using Qwen3EvalTests.Cli.Commands;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// The qwen3eval command line. Each command lives in Commands/ as a small factory that returns a
/// <see cref="Command"/>; bad input surfaces as <see cref="EvalInputException"/> and is printed
/// without a stack trace, exit code 2.
/// </summary>
public static class QwenEvalCli
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitBadInput = 2;
    public const int ExitCancelled = 130;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("qwen3eval: reproduce Qwen benchmark numbers (MMLU, C-Eval, CMMLU) with ONNX Runtime GenAI.");
        foreach (var command in CommandCatalog.Create(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        using var interrupt = new InterruptSignals();
        try
        {
            // Ctrl-C / SIGTERM cancel the token; the run stops at the next chunk, removes its partial results file
            // and exits 130. A second Ctrl-C terminates at once.
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(config, interrupt.Token);
        }
        catch (EvalInputException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitBadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled.");
            return ExitCancelled;
        }
    }
}
