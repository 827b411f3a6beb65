using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Qwen3EvalTests.Cli;

/// <summary>System.CommandLine's help page followed by an "Examples:" block from <see cref="CommandExamples"/>.</summary>
internal sealed class ExamplesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>As the help it wraps: <c>compare --help</c> shows help, not "Required argument missing".</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = help.Invoke(parseResult);
        var examples = CommandExamples.For(PathOf(parseResult));
        if (examples.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return exitCode;
    }

    /// <summary>"data validate" for the command whose help was asked.</summary>
    private static string PathOf(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Puts the examples after the help of every command of <paramref name="root"/>.</summary>
    public static void Install(RootCommand root)
    {
        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new ExamplesHelpAction((HelpAction)helpOption.Action!);
    }
}
