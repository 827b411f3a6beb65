using System.CommandLine;

namespace Qwen3EvalTests.Cli.Tests.CommandLine;

public sealed class ParseErrorTextTests
{
    /// <summary>What a user is told each kind of value is; written here, not read from the code under test.</summary>
    private static readonly Dictionary<Type, string> ExpectedWords = new()
    {
        [typeof(int)] = "a whole number",
        [typeof(int?)] = "a whole number",
        [typeof(long)] = "a whole number",
        [typeof(long?)] = "a whole number",
        [typeof(double)] = "a number",
        [typeof(double?)] = "a number",
    };

    /// <summary>
    /// "run --limit": every option of every command that takes a value other than text. Switches (bool) are left out: a
    /// word after a switch is read as the next argument ("Unrecognized command or argument 'abc'"), which is in words.
    /// </summary>
    public static TheoryData<string> TypedOptions()
    {
        var rows = new TheoryData<string>();
        foreach (var (path, command) in CommandTree.Commands())
        {
            foreach (var option in command.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(string[]) && o.ValueType != typeof(bool)))
            {
                rows.Add($"{path} {option.Name}");
            }
        }

        return rows;
    }

    [Fact]
    public void TheTypedOptionsIncludeTheKnownNumericOptionsOfRun()
    {
        TypedOptions().Select(r => r.Data).Should().Contain(["run --limit", "run --temperature", "run --request-timeout", "sensitivity --limit"]);
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public async Task AValueThatIsNotOfTheOptionsKindIsNamedInWordsWithoutADotNetType(string commandAndOption)
    {
        var words = commandAndOption.Split(' ');
        var option = CommandTree.Commands().Single(c => c.Path == string.Join(' ', words[..^1])).Command.Options.Single(o => o.Name == words[^1]);
        ExpectedWords.Should().ContainKey(option.ValueType, $"{commandAndOption} is of a kind this test has no words for");

        var run = await CliRun.RunAsync([.. words, "abc"]);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain($"error: {option.Name} expects {ExpectedWords[option.ValueType]}")
            .And.Contain("got 'abc'")
            .And.NotContain("System.").And.NotContain("`1").And.NotContain("Int32").And.NotContain("Double");
    }

    [Fact]
    public async Task RunLimitAbcSaysAWholeNumberWasExpected()
    {
        var run = await CliRun.RunAsync("run", "--limit", "abc");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().StartWith("error: --limit expects a whole number, got 'abc'.");
    }

    [Fact]
    public async Task ADecimalIsNotAWholeNumber()
    {
        var limit = await CliRun.RunAsync("run", "--limit", "2.5");
        var seed = await CliRun.RunAsync("tiny-model", "--seed", "1.5", "--out", "x");

        limit.Stderr.Should().Contain("error: --limit expects a whole number, got '2.5'.");
        seed.Stderr.Should().Contain("error: --seed expects a whole number, got '1.5'.");
    }

    [Fact]
    public async Task AValueOutsideAFixedListNamesTheListOnOneLine()
    {
        var run = await CliRun.RunAsync("tiny-model", "--tokenizer", "words", "--out", "x");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("error: --tokenizer expects one of bytes, qwen3, got 'words'.");
    }
}
