using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Baselines;

/// <summary>One published score for one model on one benchmark, with where it came from.</summary>
/// <param name="Id">Unique id, e.g. "qwen2-1.5b-base/mmlu" or "qwen3-8b/ceval/thinking".</param>
/// <param name="Model">The model's name as the source writes it.</param>
/// <param name="ModelId">The id suites use for the model.</param>
/// <param name="Kind">Base or instruct (post-trained).</param>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Mode">"thinking" / "non-thinking" for Qwen3 post-trained models, else null.</param>
/// <param name="Score">Accuracy in percent.</param>
/// <param name="Shots">Shots as stated by the source (or the maintainers), null when not stated.</param>
/// <param name="Protocol">"qwen", "lm-eval" or "opencompass" when known, else null.</param>
/// <param name="ProtocolNote">What is known about the protocol, or that it is not stated.</param>
/// <param name="Split">The scored split when known, else null.</param>
/// <param name="SplitNote">What is known about the split, or that it is not stated.</param>
/// <param name="Source">Human-readable citation, e.g. "S1 Table 5; S2 Appendix".</param>
/// <param name="SourceIds">The ids of <see cref="BaselineSource"/>s cited.</param>
/// <param name="Status">Verification status: "V", "V-t", combinations, or "3P" (third party).</param>
/// <param name="ReportedIn">Which re-report or third party this is, null for the primary report.</param>
/// <param name="Gate">Whether tests assert against this number; false for re-reports and third-party numbers.</param>
/// <param name="Tolerance">Default tolerance in points.</param>
/// <param name="ToleranceNote">Why that tolerance.</param>
/// <param name="Note">Anything else worth knowing.</param>
public sealed record Baseline(
    string Id,
    string Model,
    string ModelId,
    ModelKind Kind,
    Benchmark Benchmark,
    string? Mode,
    double Score,
    int? Shots,
    string? Protocol,
    string ProtocolNote,
    string? Split,
    string SplitNote,
    string Source,
    IReadOnlyList<string> SourceIds,
    string Status,
    string? ReportedIn,
    bool Gate,
    double Tolerance,
    string ToleranceNote,
    string? Note)
{
    /// <summary>True for someone else's measurement (status 3P).</summary>
    public bool IsThirdParty => Status.Contains("3P", StringComparison.Ordinal);
}
