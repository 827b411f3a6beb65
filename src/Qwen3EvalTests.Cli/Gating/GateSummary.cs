namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// What a reviewer reads on a pull request: every suite case with its numbers and outcome, the answer drift of
/// failed cases, the prompt snapshots that changed, the other failed tests, and the totals. Built by
/// <see cref="GateSummaryBuilder"/>, rendered by <see cref="GateSummaryMarkdown"/>.
/// </summary>
/// <param name="TrxFiles">The TRX files read, relative to the TRX folder.</param>
/// <param name="Cases">One row per suite case that has a test result or a results file; failed first, then by case id.</param>
/// <param name="Snapshots">Changed snapshots, by approved path.</param>
/// <param name="OtherFailures">Failed tests that are neither suite cases nor snapshot tests.</param>
/// <param name="HasBaseBranch">True when a base branch's results folder was given.</param>
/// <param name="Totals">The counts.</param>
public sealed record GateSummary(
    IReadOnlyList<string> TrxFiles,
    IReadOnlyList<GateCaseRow> Cases,
    IReadOnlyList<SnapshotChange> Snapshots,
    IReadOnlyList<TrxTestResult> OtherFailures,
    bool HasBaseBranch,
    GateTotals Totals);
