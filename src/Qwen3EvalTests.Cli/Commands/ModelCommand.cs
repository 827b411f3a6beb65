using System.CommandLine;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>qwen3eval model: commands about model folders (<c>model inspect</c>).</summary>
public static class ModelCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("model", "Check model folders (GenAI model builder exports) before running them.");
        command.Subcommands.Add(ModelInspectCommand.Create(stdout, stderr));
        return command;
    }
}
