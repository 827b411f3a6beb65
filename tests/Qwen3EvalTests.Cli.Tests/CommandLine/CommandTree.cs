using System.CommandLine;
using Qwen3EvalTests.Cli.Commands;

namespace Qwen3EvalTests.Cli.Tests.CommandLine;

/// <summary>The qwen3eval command tree as the tests walk it: every command with the words that reach it ("data validate").</summary>
public static class CommandTree
{
    public static RootCommand Root() => QwenEvalCli.CreateRoot(CommandCatalog.Create(TextWriter.Null, TextWriter.Null));

    /// <summary>Every command below the root, with its path of names, parents before children.</summary>
    public static IEnumerable<(string Path, Command Command)> Commands()
    {
        var pending = new Queue<(string Path, Command Command)>(Root().Subcommands.Select(c => (c.Name, c)));
        while (pending.TryDequeue(out var next))
        {
            yield return next;
            foreach (var child in next.Command.Subcommands)
            {
                pending.Enqueue(($"{next.Path} {child.Name}", child));
            }
        }
    }

    /// <summary>The commands a user runs (no subcommands of their own).</summary>
    public static IEnumerable<(string Path, Command Command)> Leaves() => Commands().Where(c => c.Command.Subcommands.Count == 0);
}
