using System.CommandLine;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Every top-level command of qwen3eval, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return TinyModelCommand.Create(stdout, stderr);
    }
}
