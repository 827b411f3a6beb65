using System.CommandLine;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>qwen3eval engines: commands about inference engines (<c>engines compare</c>).</summary>
public static class EnginesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("engines", "Compare inference engines on the same model, prompts and token ids.");
        command.Subcommands.Add(EnginesCompareCommand.Create(stdout));
        return command;
    }
}
