using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qwen3EvalTests.Cli.Listing;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval ls protocols|benchmarks|suites|baselines [--json]</c>: what exists, as a table or one JSON object
/// (the shapes of Listing/ListJson.cs).
/// </summary>
public static class ListCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("ls", "List what exists: prompt protocols and their variants, benchmarks, suites, baselines.");
        command.Subcommands.Add(Leaf("protocols", "Every prompt protocol and named variant --protocol takes, with the benchmarks each renders.", stdout,
            readsRepository: false, _ => Listings.Protocols(), CliJsonContext.Default.ProtocolList, WriteProtocols));
        command.Subcommands.Add(Leaf("benchmarks", "Every benchmark --benchmark takes: options per question, splits, the split scored, the protocols that render it.", stdout,
            readsRepository: false, _ => Listings.Benchmarks(), CliJsonContext.Default.BenchmarkList, WriteBenchmarks));
        command.Subcommands.Add(Leaf("suites", "The suites of evalsuites/: of --repo, else of the repository above the current folder, else of the current folder.", stdout,
            readsRepository: true, repo => Listings.Suites(repo, Directory.GetCurrentDirectory()), CliJsonContext.Default.SuiteList, WriteSuites));
        command.Subcommands.Add(Leaf("baselines", "The baseline catalogue: baselines/official.json of --repo or of the repository above the current folder, else the copy shipped with qwen3eval.", stdout,
            readsRepository: true, repo => Listings.Baselines(repo, Directory.GetCurrentDirectory()), CliJsonContext.Default.BaselineList, WriteBaselines));
        return command;
    }

    /// <summary>One <c>ls</c> subcommand: <paramref name="list"/> (given --repo when <paramref name="readsRepository"/>) as a table or JSON.</summary>
    private static Command Leaf<T>(string name, string description, TextWriter stdout, bool readsRepository, Func<string?, T> list, JsonTypeInfo<T> jsonType, Action<TextWriter, T> writeText)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (its shape: formatVersion and one array) instead of a table." };
        var command = new Command(name, description) { json };
        Option<string?>? repo = null;
        if (readsRepository)
        {
            repo = new Option<string?>("--repo") { Description = "Repository root (holds evalsuites/ and baselines/). Default: found above the current folder." };
            command.Options.Add(repo);
        }

        command.SetAction(parse =>
        {
            var value = list(repo is null ? null : parse.GetValue(repo));
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(value, jsonType));
            }
            else
            {
                writeText(stdout, value);
            }

            return QwenEvalCli.ExitOk;
        });
        return command;
    }

    public static void WriteProtocols(TextWriter output, ProtocolList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        TextTable.Write(output, ["protocol", "family", "variant", "benchmarks (base)", "benchmarks (chat)"], list.Protocols.Select(p => (IReadOnlyList<string>)
            [p.Name, p.Family, p.Variant ?? "(default)", string.Join(",", p.Benchmarks), string.Join(",", p.ChatBenchmarks)]));
    }

    public static void WriteBenchmarks(TextWriter output, BenchmarkList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        TextTable.Write(output, ["benchmark", "options", "letters", "splits", "scored", "header", "official", "protocols"], list.Benchmarks.Select(b => (IReadOnlyList<string>)
            [
                b.Aliases.Count == 0 ? b.Id : $"{b.Id} ({string.Join(", ", b.Aliases)})",
                b.Options.ToString(CultureInfo.InvariantCulture),
                b.Letters,
                string.Join(",", b.Splits),
                b.ScoredSplit,
                b.HasHeader ? "yes" : "no",
                b.Official ? "yes" : "no (test)",
                string.Join(",", b.Protocols),
            ]));
    }

    public static void WriteSuites(TextWriter output, SuiteList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        output.WriteLine($"suites in {list.Folder}:");
        TextTable.Write(output, ["suite", "family", "baseline", "cases", "tolerance", "benchmarks", "models"], list.Suites.Select(s => (IReadOnlyList<string>)
            [
                s.Name,
                s.Family,
                s.Baseline,
                s.Cases.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"±{s.TolerancePoints:0.##}{(s.WidenToInterval ? " or 95% CI" : "")}"),
                string.Join(",", s.Benchmarks),
                string.Join(",", s.Models),
            ]));
    }

    public static void WriteBaselines(TextWriter output, BaselineList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        output.WriteLine($"baselines in {list.File} ({list.Origin}):");
        TextTable.Write(output, ["id", "benchmark", "score", "shots", "protocol", "tolerance", "gate", "status"], list.Baselines.Select(b => (IReadOnlyList<string>)
            [
                b.Id,
                b.Benchmark,
                string.Create(CultureInfo.InvariantCulture, $"{b.Score:0.0#}"),
                b.Shots?.ToString(CultureInfo.InvariantCulture) ?? "-",
                b.Protocol ?? "-",
                string.Create(CultureInfo.InvariantCulture, $"±{b.Tolerance:0.##}"),
                b.Gate ? "yes" : "no",
                b.Status,
            ]));
    }
}
