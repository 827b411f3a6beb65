using System.CommandLine;
using System.Globalization;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval data validate [--data DIR]</c>: parse every file; exit 0 with a one-line summary, or
/// print every problem (file:line: field: what was expected) and exit 2.
/// </summary>
public static class DataValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = DataOption.Create();
        var command = new Command("validate", "Parse every CSV file of the data folder and report every problem.") { data };
        command.SetAction(parseResult => Execute(DataOption.Resolve(parseResult, data), stdout, stderr));
        return command;
    }

    public static int Execute(string dataDir, TextWriter stdout, TextWriter stderr)
    {
        var report = DataFolderValidator.Validate(dataDir);
        var c = CultureInfo.InvariantCulture;
        var benchmarks = string.Join(", ", report.Benchmarks.Select(b => b.ToId()));
        if (report.IsValid)
        {
            stdout.WriteLine(string.Create(c, $"ok: {report.Files} files, {report.Questions} questions ({benchmarks}) in {report.DataDirectory}"));
            return QwenEvalCli.ExitOk;
        }

        foreach (var problem in report.Problems)
        {
            stderr.WriteLine(problem.ToString());
        }

        stderr.WriteLine(string.Create(c, $"error: {report.Problems.Count} problem(s) in {report.DataDirectory} ({report.Files} files, {benchmarks})."));
        return QwenEvalCli.ExitBadInput;
    }
}
