namespace Qwen3EvalTests.Cli.Gating;

/// <summary>The summary's counts: every test result in the TRX files, and the suite cases among them.</summary>
public sealed record GateTotals(
    int TrxFiles,
    int Passed,
    int Failed,
    int Skipped,
    int CasesPassed,
    int CasesFailed,
    int CasesSkipped,
    int CasesWithoutResult,
    int CasesWithDrift,
    int SnapshotsChanged)
{
    public int Tests => Passed + Failed + Skipped;
}
