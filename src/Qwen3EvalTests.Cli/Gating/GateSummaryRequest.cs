namespace Qwen3EvalTests.Cli.Gating;

/// <summary>What <c>qwen3eval gate summary</c> reads.</summary>
/// <param name="TrxFolder">Folder holding the TRX files of one <c>dotnet test</c> run (searched recursively).</param>
/// <param name="ResultsFolder">The results JSON the gate cases wrote (TestResults/eval/): <c>&lt;case id&gt;.json</c>.</param>
/// <param name="Repository">Repository root: evalsuites/, baselines/ and the tests/ folder where snapshot tests write <c>*.received.txt</c>.</param>
/// <param name="BaseBranchResultsFolder">The same results folder from a run of the base branch, or null.</param>
public sealed record GateSummaryRequest(string TrxFolder, string ResultsFolder, string Repository, string? BaseBranchResultsFolder = null);
