using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Suites;

/// <summary>One model × benchmark (× mode) run of a suite, fully resolved: what a theory row executes.</summary>
public sealed record SuiteCase(
    string Suite,
    string ModelId,
    ModelKind Kind,
    string Folder,
    Benchmark Benchmark,
    string? Mode,
    string Protocol,
    int Shots,
    ScorerKind Scoring,
    bool Chat,
    int? Limit,
    Tolerance Tolerance,
    BaselineReference Baseline,
    int Repeats = 1)
{
    /// <summary>E.g. "qwen3-8b-base · mmlu · qwen · 5-shot", with " · non-thinking" for a mode.</summary>
    public string DisplayName
    {
        get
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{ModelId} · {Benchmark.ToId()} · {Protocol} · {Shots}-shot");
            return Mode is null ? name : $"{name} · {Mode}";
        }
    }

    /// <summary>A stable id usable as a plain-string theory argument: "suite/model/benchmark[/mode]".</summary>
    public string Id => Mode is null
        ? $"{Suite}/{ModelId}/{Benchmark.ToId()}"
        : $"{Suite}/{ModelId}/{Benchmark.ToId()}/{Mode}";

    /// <summary>The results file of a case's run under an output folder: "suite/model/benchmark[/mode].json", "…-r2.json" for repeat 2 of several.</summary>
    public static string ResultsFileName(string caseId, int? repeat)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return ResultsFileNames.Of(caseId, repeat);
    }

    public override string ToString() => DisplayName;
}
