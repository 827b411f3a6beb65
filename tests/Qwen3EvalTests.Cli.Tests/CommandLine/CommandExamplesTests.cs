using System.Text;

namespace Qwen3EvalTests.Cli.Tests.CommandLine;

public sealed class CommandExamplesTests
{
    /// <summary>Every command that does something when run (groups such as "data" only show their help).</summary>
    public static TheoryData<string> RunnableCommands() => [.. CommandTree.Commands().Where(c => c.Command.Action is not null).Select(c => c.Path)];

    public static TheoryData<string> Examples() => [.. CommandExamples.ByCommand.Values.SelectMany(e => e)];

    [Fact]
    public void TheRunnableCommandsIncludeRunAndTheSubcommandsOfGroups()
    {
        RunnableCommands().Select(r => r.Data).Should().Contain(["run", "data validate", "model inspect", "tiny-model", "tiny-model measure", "gate summary"]);
    }

    [Theory]
    [MemberData(nameof(RunnableCommands))]
    public void EveryRunnableCommandHasAnExample(string path)
    {
        CommandExamples.For(path).Should().NotBeEmpty($"'qwen3eval {path} --help' should end with an example");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryExampleParsesAgainstTheCommandTreeToTheCommandItIsListedUnder(string example)
    {
        var path = CommandExamples.ByCommand.Single(e => e.Value.Contains(example)).Key;
        var words = ShellWords(example);
        words[0].Should().Be("qwen3eval");

        var parsed = CommandTree.Root().Parse(words[1..]);

        parsed.Errors.Select(e => e.Message).Should().BeEmpty();
        string.Join(' ', words[1..(1 + path.Split(' ').Length)]).Should().Be(path);
        parsed.CommandResult.Command.Name.Should().Be(path.Split(' ')[^1]);
    }

    [Fact]
    public void EveryCommandPathWithExamplesExists()
    {
        var paths = CommandTree.Commands().Select(c => c.Path).ToHashSet();

        CommandExamples.ByCommand.Keys.Where(p => !paths.Contains(p)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheHelpOfRunEndsWithItsExamples()
    {
        var help = await CliRun.RunAsync("run", "--help");

        help.ExitCode.Should().Be(0);
        help.Stdout.TrimEnd().Should().EndWith(
            """
            Examples:
              qwen3eval run
              qwen3eval run --model models/Qwen3-0.6B-Base --benchmark mmlu --data data/full --limit 30
              qwen3eval run --engine openai --endpoint http://127.0.0.1:8000 --benchmark mmlu --protocol lm-eval --chat
            """.ReplaceLineEndings());
        help.Stdout.Should().Contain("--limit");
    }

    [Theory]
    [MemberData(nameof(RunnableCommands))]
    public async Task HelpIsShownWithoutErrorsEvenWhenRequiredArgumentsAreMissing(string path)
    {
        var help = await CliRun.RunAsync([.. path.Split(' '), "--help"]);

        help.ExitCode.Should().Be(0, help.Stderr);
        help.Stderr.Should().BeEmpty();
        help.Stdout.Should().Contain("Usage:").And.Contain("Examples:" + Environment.NewLine + "  qwen3eval " + path);
    }

    [Fact]
    public async Task TheHelpOfASubcommandShowsItsOwnExamples()
    {
        var help = await CliRun.RunAsync("data", "validate", "--help");

        help.Stdout.Should().Contain("Examples:" + Environment.NewLine + "  qwen3eval data validate --data data/full");
    }

    /// <summary>Splits a command line as a POSIX shell would for these examples: spaces, and double quotes around a word.</summary>
    private static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var started = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (ch == ' ' && !quoted)
            {
                if (started)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    started = false;
                }
            }
            else
            {
                word.Append(ch);
                started = true;
            }
        }

        if (started)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
