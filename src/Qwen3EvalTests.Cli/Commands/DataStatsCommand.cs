using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary><c>qwen3eval data stats [--data DIR] [--json]</c>: subjects and questions per split of each benchmark present.</summary>
public static class DataStatsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var data = DataOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("stats", "Count subjects and questions per split of every benchmark in the data folder.") { data, json };
        command.SetAction(parseResult => Execute(DataOption.Resolve(parseResult, data), parseResult.GetValue(json), stdout));
        return command;
    }

    public static int Execute(string dataDir, bool json, TextWriter stdout)
    {
        var report = new DataStatsReport(DataFolder.OpenAll(dataDir).Select(dataset => ToEntry(dataset.Count())).ToList());
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, DataJsonContext.Default.DataStatsReport));
        }
        else
        {
            WriteTable(stdout, report);
        }

        return QwenEvalCli.ExitOk;
    }

    private static DataStatsEntry ToEntry(BenchmarkCounts counts) => new(
        counts.Benchmark.ToId(),
        counts.Subjects,
        counts.QuestionsPerSplit.ToDictionary(p => BenchmarkFormat.SplitFolder(p.Key), p => p.Value));

    private static void WriteTable(TextWriter stdout, DataStatsReport report)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"{"benchmark",-9} {"subjects",8} {"dev",8} {"val",8} {"test",8}"));
        foreach (var entry in report.Benchmarks)
        {
            stdout.WriteLine(string.Create(c, $"{entry.Name,-9} {entry.Subjects,8} {Cell(entry, "dev"),8} {Cell(entry, "val"),8} {Cell(entry, "test"),8}"));
        }
    }

    private static string Cell(DataStatsEntry entry, string split) =>
        entry.Splits.TryGetValue(split, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "—";
}
