using System.CommandLine;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>Every top-level command of qwen3eval, in help order.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return RunCommand.Create(stdout, stderr);
        yield return DataCommand.Create(stdout, stderr);
        yield return PromptCommand.Create(stdout);
        yield return TokenizeCommand.Create(stdout);
        yield return BaselineCommand.Create(stdout, stderr);
        yield return SensitivityCommand.Create(stdout, stderr);
        yield return CompareCommand.Create(stdout);
        yield return EnginesCommand.Create(stdout);
        yield return ReportCommand.Create(stdout);
        yield return ModelCommand.Create(stdout, stderr);
        yield return TinyModelCommand.Create(stdout, stderr);
        yield return GateCommand.Create(stdout);
        yield return BenchCommand.Create(stdout, stderr);
        yield return ListCommand.Create(stdout);
    }
}
