using System.CommandLine;
using System.CommandLine.Parsing;
using Qwen3EvalTests.Cli.Commands;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// The qwen3eval command line. Each command lives in Commands/ as a small factory that returns a
/// <see cref="Command"/>. Every way out is one clear line on stderr: bad input (<see cref="EvalInputException"/>,
/// or arguments that do not parse) exits 2; an engine fault (<see cref="EngineFaultException"/>) or any other
/// unexpected exception exits 1, with the stack trace only under <c>--verbose</c>; a cancelled run exits 130.
/// </summary>
public static class QwenEvalCli
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitBadInput = 2;
    public const int ExitCancelled = 130;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, CommandCatalog.Create(stdout, stderr));

    /// <summary>Runs <paramref name="commands"/> under the error handling every qwen3eval command gets.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IEnumerable<Command> commands)
    {
        var root = CreateRoot(commands);
        var verbose = root.Options.OfType<Option<bool>>().Single(o => o.Name == VerboseOption);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {ParseErrorText.Of(error)}");
            }

            await stderr.WriteLineAsync($"see '{CommandLineOf(parsed.CommandResult)} --help' for the options.");
            return ExitBadInput;
        }

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
        catch (Exception e) when (parsed.GetValue(verbose))
        {
            await stderr.WriteLineAsync($"error: {e}");
            return ExitFailed;
        }
        catch (EngineFaultException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (rerun with --verbose for the stack trace)");
            return ExitFailed;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"error: {e.GetType().Name}: {OneLine(e.Message)} (rerun with --verbose for the stack trace)");
            return ExitFailed;
        }
    }

    private const string VerboseOption = "--verbose";

    /// <summary>The command tree of qwen3eval over <paramref name="commands"/>: what is parsed, and what the tests walk.</summary>
    public static RootCommand CreateRoot(IEnumerable<Command> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand("qwen3eval: reproduce Qwen benchmark numbers (MMLU, C-Eval, CMMLU) with ONNX Runtime GenAI.");
        root.Options.Add(new Option<bool>(VerboseOption) { Description = "Print the stack trace of an unexpected error.", Recursive = true });
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        ExamplesHelpAction.Install(root);
        return root;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>"qwen3eval run" for the command a parse error belongs to.</summary>
    private static string CommandLineOf(CommandResult? command)
    {
        var names = new List<string>();
        for (; command is not null && command.Command is not RootCommand; command = command.Parent as CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', ["qwen3eval", .. names]);
    }
}
