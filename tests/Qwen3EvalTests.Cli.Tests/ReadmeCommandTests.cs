using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using System.Text.RegularExpressions;
using Qwen3EvalTests.Cli.Commands;

namespace Qwen3EvalTests.Cli.Tests;

/// <summary>
/// The commands README.md and docs/*.md show are commands qwen3eval has. Every command line in a fenced shell block that
/// starts with <c>qwen3eval </c> or <c>dotnet run --project src/Qwen3EvalTests.Cli -- </c> is parsed (never run) against
/// the real command tree, and must parse without an error: a renamed or removed command or option, a value of the wrong
/// type, or a required option the example leaves out fails here. The synopsis lines of <c>text</c> blocks
/// (docs/cli.md) are a grammar, not commands: each option they name must exist on its command.
/// </summary>
public sealed partial class ReadmeCommandTests
{
    private const string ToolPrefix = "qwen3eval ";
    private const string ClonePrefix = "dotnet run --project src/Qwen3EvalTests.Cli -- ";

    private static readonly string[] ShellFences = ["", "bash", "sh", "shell", "console"];

    private static IEnumerable<string> Documents =>
        [Path.Combine(RepositoryRoot.Path, "README.md"), .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryCommandTheReadmeAndTheDocsShowParsesAgainstTheCommandTree()
    {
        var root = CommandTree();
        var commands = Documents.SelectMany(CommandLines).ToList();
        foreach (var command in commands)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{command.Where}: {string.Join(' ', command.Arguments)}");
        }

        var failures = commands
            .Select(c => (c, errors: Problems(root, c.Arguments)))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"{r.c.Where}: `{r.c.Text}`: {string.Join("; ", r.errors)}")
            .ToList();

        string.Join('\n', failures).Should().BeEmpty("every command the documents show must exist with these options (parsed, not run)");
        commands.Count(c => c.Where.StartsWith("README.md", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(10, "README shows at least ten commands; finding fewer means the extraction broke");
        commands.Count.Should().BeGreaterThanOrEqualTo(20, "README and docs/ show at least twenty commands");
    }

    [Fact]
    public void EveryOptionOfTheSynopsisExistsOnItsCommand()
    {
        var root = CommandTree();
        var lines = Documents.SelectMany(SynopsisLines).ToList();

        var failures = new List<string>();
        foreach (var (where, text) in lines)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Command command = root;
            var options = new List<Option>(root.Options);
            foreach (var word in words.TakeWhile(w => CommandName().IsMatch(w)))
            {
                var sub = command.Subcommands.FirstOrDefault(s => s.Name == word);
                if (sub is null)
                {
                    failures.Add($"{where}: `{text}`: no command '{word}' under '{command.Name}'");
                    break;
                }

                command = sub;
                options.AddRange(command.Options);
            }

            var names = options.Where(o => o.Recursive || command.Options.Contains(o))
                .SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
            failures.AddRange(OptionName().Matches(text).Select(m => m.Value).Where(n => !names.Contains(n))
                .Select(n => $"{where}: `{text}`: '{command.Name}' has no option {n}"));
        }

        string.Join('\n', failures).Should().BeEmpty("every option the synopsis names must exist on its command");
        lines.Should().HaveCountGreaterThanOrEqualTo(15, "docs/cli.md lists every command");
    }

    [Fact]
    public void EveryRelativeLinkOfTheReadmeAndTheDocsNamesAFileAndHeadingThatExist()
    {
        var failures = new List<string>();
        var links = 0;
        foreach (var document in Documents)
        {
            var where = System.IO.Path.GetRelativePath(RepositoryRoot.Path, document);
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                links++;
                var (file, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
                var path = file.Length == 0 ? document : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(document)!, file));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    failures.Add($"{where}: ({target}): no file {file}");
                }
                else if (anchor.Length > 0 && !(File.Exists(path) && Headings(path).Contains(anchor)))
                {
                    failures.Add($"{where}: ({target}): no heading #{anchor} in {file}");
                }
            }
        }

        string.Join('\n', failures).Should().BeEmpty("the README links each topic it moved to docs/");
        links.Should().BeGreaterThanOrEqualTo(10);
    }

    /// <summary>GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Headings(string path) =>
        File.ReadAllLines(path).Where(l => l.StartsWith('#'))
            .Select(l => new string(l.TrimStart('#').Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void ABogusOptionFailsToParse()
    {
        var line = Extract("README.md", "```bash\nqwen3eval run --benchmark mmlu --no-such-option \\\n  --limit 5   # a comment\n```\n").Single();

        line.Arguments.Should().Equal("run", "--benchmark", "mmlu", "--no-such-option", "--limit", "5");
        Problems(CommandTree(), line.Arguments).Should().ContainSingle().Which.Should().Contain("--no-such-option");
        Problems(CommandTree(), ["run", "--no-such-option", "--benchmark", "mmlu"]).Should().NotBeEmpty();
        Problems(CommandTree(), ["run", "--limit", "abc"]).Should().NotBeEmpty();
        Problems(CommandTree(), ["no-such-command"]).Should().NotBeEmpty();
        Problems(CommandTree(), ["prompt", "--benchmark", "mmlu"]).Should().NotBeEmpty("prompt requires --subject and --protocol");
    }

    [Fact]
    public void PlaceholdersAndOptionalBracketsBecomePlausibleArguments()
    {
        var line = Extract("docs/x.md", "```bash\ndotnet run --project src/Qwen3EvalTests.Cli -- compare artifacts/<model>/a.json \"b c.json\" [--json]\n```\n").Single();

        line.Arguments.Should().Equal("compare", "artifacts/x/a.json", "b c.json", "--json");
        Problems(CommandTree(), line.Arguments).Should().BeEmpty();
    }

    /// <summary>
    /// The parse errors of <paramref name="arguments"/>, and each word that looks like an option but was taken as a value:
    /// an option with several values per token (<c>run --benchmark</c>) takes an unknown <c>--name</c> after it as one more
    /// value, which the parser does not report.
    /// </summary>
    private static List<string> Problems(RootCommand root, string[] arguments)
    {
        var parsed = root.Parse(arguments);
        return [
            .. parsed.Errors.Select(e => e.Message),
            .. parsed.Tokens.Where(t => t.Type == TokenType.Argument && OptionName().IsMatch(t.Value) && t.Value.StartsWith("--", StringComparison.Ordinal))
                .Select(t => $"'{t.Value}' is not an option of '{parsed.CommandResult.Command.Name}'"),
        ];
    }

    /// <summary>qwen3eval's command tree as <see cref="QwenEvalCli.RunAsync(string[], TextWriter, TextWriter)"/> builds it.</summary>
    private static RootCommand CommandTree() => QwenEvalCli.CreateRoot(CommandCatalog.Create(TextWriter.Null, TextWriter.Null));

    private static IEnumerable<CommandLine> CommandLines(string path) =>
        Extract(System.IO.Path.GetRelativePath(RepositoryRoot.Path, path), File.ReadAllText(path));

    /// <summary>The qwen3eval command lines of the shell blocks of a Markdown text, continuations joined, comments stripped.</summary>
    private static IEnumerable<CommandLine> Extract(string where, string markdown)
    {
        foreach (var (line, text) in FencedLines(markdown, ShellFences))
        {
            var command = StripComment(text).Trim();
            if (command.StartsWith("$ ", StringComparison.Ordinal))
            {
                command = command[2..];
            }

            var arguments = command.StartsWith(ToolPrefix, StringComparison.Ordinal) ? command[ToolPrefix.Length..]
                : command.StartsWith(ClonePrefix, StringComparison.Ordinal) ? command[ClonePrefix.Length..]
                : command is "qwen3eval" ? "" : null;
            if (arguments is not null)
            {
                yield return new CommandLine($"{where}:{line}", command, Words(arguments));
            }
        }
    }

    /// <summary>The lines of docs' text blocks that start with "qwen3eval ", with their indented continuation lines.</summary>
    private static IEnumerable<(string Where, string Text)> SynopsisLines(string path)
    {
        var where = System.IO.Path.GetRelativePath(RepositoryRoot.Path, path);
        string? current = null;
        var start = 0;
        foreach (var (line, text) in FencedLines(File.ReadAllText(path), ["text"], joinContinuations: false))
        {
            if (text.StartsWith(ToolPrefix, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return ($"{where}:{start}", current);
                }

                (current, start) = (text, line);
            }
            else if (current is not null && text.StartsWith(' '))
            {
                current += " " + text.Trim();
            }
            else if (current is not null)
            {
                yield return ($"{where}:{start}", current);
                current = null;
            }
        }

        if (current is not null)
        {
            yield return ($"{where}:{start}", current);
        }
    }

    /// <summary>Each line (1-based number, text) inside fenced blocks whose info string is one of <paramref name="languages"/>.</summary>
    private static IEnumerable<(int Line, string Text)> FencedLines(string markdown, string[] languages, bool joinContinuations = true)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var inside = false;
        var wanted = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                wanted = !inside && languages.Contains(trimmed[3..].Trim(), StringComparer.OrdinalIgnoreCase);
                inside = !inside;
                continue;
            }

            if (!inside || !wanted)
            {
                continue;
            }

            var start = i;
            var text = lines[i];
            while (joinContinuations && StripComment(text).TrimEnd().EndsWith('\\') && i + 1 < lines.Length && !lines[i + 1].Trim().StartsWith("```", StringComparison.Ordinal))
            {
                text = StripComment(text).TrimEnd()[..^1] + " " + lines[++i].Trim();
            }

            yield return (start + 1, text);
        }
    }

    /// <summary>The line without a trailing shell comment (a '#' at the start or after a space, outside quotes).</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>
    /// Shell words, quotes removed; a placeholder such as <c>&lt;model&gt;</c> becomes <c>x</c>, the brackets that mark an
    /// optional part (<c>[--json]</c>, <c>[--seed 100]</c>) are dropped and the part kept, and an ellipsis is left out.
    /// </summary>
    private static string[] Words(string arguments)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var inWord = false;
        foreach (var c in Placeholder().Replace(arguments, "x"))
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (inWord)
            {
                var text = word.ToString();
                var unbracketed = text.TrimStart('[').TrimEnd(']');
                if (unbracketed.Length > 0 && unbracketed != "…")
                {
                    words.Add(text.StartsWith('[') || text.EndsWith(']') ? unbracketed : text);
                }
            }

            word.Clear();
            inWord = false;
        }
    }

    [GeneratedRegex("\\]\\(([^()\\s]+)\\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z-]*$")]
    private static partial Regex CommandName();

    [GeneratedRegex("(?<![\\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();

    private sealed record CommandLine(string Where, string Text, string[] Arguments);
}
