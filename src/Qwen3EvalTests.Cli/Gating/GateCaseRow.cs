using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// One suite case in the gate summary: its test outcome from the TRX and its numbers from the results JSON,
/// set against its baseline the way the gate test compares them (<see cref="Baselines.BaselineComparison"/>).
/// </summary>
/// <param name="CaseId">The suite case id, e.g. "tiny/tiny-planted-a/mmlu".</param>
/// <param name="DisplayName">The case's test name, e.g. "tiny-planted-a · mmlu · qwen · 5-shot".</param>
/// <param name="Origin">Official number, recorded run, or both.</param>
/// <param name="Outcome">The test's outcome, or null when the TRX holds no result for the case.</param>
/// <param name="Message">The skip reason or the failure message's first line, or null.</param>
/// <param name="Measured">Accuracy in percent from the results JSON, or null when the case wrote none (skipped, not run).</param>
/// <param name="Questions">Questions scored, or null with <paramref name="Measured"/>.</param>
/// <param name="Baseline">The baseline in percent, or null when it cannot be found (see <paramref name="BaselineNote"/>).</param>
/// <param name="BaselineNote">Where the baseline comes from: "official", "recorded", or why it is missing.</param>
/// <param name="Delta">Measured − baseline in points, or null.</param>
/// <param name="Tolerance">The tolerance in points that applies (the suite's points, or the 95 % half-width when wider).</param>
/// <param name="ToleranceIsInterval">True when the measurement's 95 % half-width decided <paramref name="Tolerance"/>.</param>
/// <param name="Drift">Answers compared with the recorded run (recorded and both cases that wrote results), or null.</param>
/// <param name="RecordingPath">The recorded run compared with, relative to the repository, or null.</param>
/// <param name="BaseBranch">The same case in the base branch's results, or null.</param>
public sealed record GateCaseRow(
    string CaseId,
    string DisplayName,
    BaselineOrigin Origin,
    TrxOutcome? Outcome,
    string? Message,
    double? Measured,
    int? Questions,
    double? Baseline,
    string BaselineNote,
    double? Delta,
    double Tolerance,
    bool ToleranceIsInterval,
    AnswerDrift? Drift,
    string? RecordingPath,
    BaseBranchCase? BaseBranch)
{
    /// <summary>
    /// The gate's checks this case's numbers fail, each headed by its name as the gate's failure message heads it:
    /// "tolerance: 21.00 % outside 30.00 ± 1.00 points of baseline X", "drift: 4 of 20 answers flipped, McNemar p = 0.125",
    /// "recording: no recorded run at …". Empty when every check the case has passes (or it wrote no results).
    /// </summary>
    public IReadOnlyList<string> FailedChecks { get; init; } = [];

    /// <summary>Each subject against the baseline with its interval (the summary's per-subject chart); empty without numbers.</summary>
    public IReadOnlyList<GateSubjectDelta> Subjects { get; init; } = [];

    /// <summary>The name of the first failed check ("tolerance", "drift", "recording"), or null.</summary>
    public string? DecidingCheck => FailedChecks.Count == 0 ? null : FailedChecks[0].Split(':')[0];
}

/// <summary>A case as the base branch's run measured it, and how this run's answers differ from it.</summary>
/// <param name="Measured">The base branch's accuracy in percent.</param>
/// <param name="Drift">This run's answers against the base branch's, or null when this run wrote no results for the case.</param>
public sealed record BaseBranchCase(double Measured, AnswerDrift? Drift);
