using System.CommandLine;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary><c>qwen3eval data</c>: look at a data folder without a model (<c>stats</c>, <c>validate</c>).</summary>
public static class DataCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("data", "Inspect a benchmark data folder.");
        command.Subcommands.Add(DataStatsCommand.Create(stdout));
        command.Subcommands.Add(DataValidateCommand.Create(stdout, stderr));
        return command;
    }
}
