using System.CommandLine;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Cli;

/// <summary>The <c>--data DIR</c> option the data commands share; it defaults to the shipped sample.</summary>
public static class DataOption
{
    public static Option<string?> Create() => new("--data")
    {
        Description = "Data folder with mmlu/, ceval/, cmmlu/. Default: the shipped sample.",
    };

    public static string Resolve(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) ?? DataFolder.SampleDirectory;
}
