namespace Qwen3EvalTests.Inference.Bench;

/// <summary>
/// What <c>qwen3eval bench</c> prints: the runs over the same questions and the ratios of the targets
/// (each a cost over a cost: lower is better; null when a run it needs was not asked for).
/// </summary>
public sealed record BenchReport(int Questions, IReadOnlyList<BenchRun> Runs, BenchRatios Ratios);

/// <summary>
/// One run. <paramref name="MinimumTokens"/>: the fewest tokens any run could prefill for these prompts, the distinct
/// prefixes of every sequence the harness needed (each subject's few-shot prefix once, plus what truncation moves).
/// <paramref name="HarnessSeconds"/>: wall time outside the engine's forward calls.
/// </summary>
public sealed record BenchRun(
    string Name,
    long PrefilledTokens,
    long MinimumTokens,
    double ForwardSeconds,
    double HarnessSeconds,
    double QuestionsPerSecond,
    long PeakRssBytes);

/// <summary>
/// reuseOverNaive: prefilled tokens, reuse ÷ naive. harnessOverEngine: the reuse run's harness ÷ forward seconds (target ≤ 0.05).
/// engineOverFloor: the reuse run's forward seconds ÷ the floor's (target ≤ 1.3). prefilledOverMinimum: reuse prefilled ÷
/// minimum tokens (target ≤ 1.05).
/// </summary>
public sealed record BenchRatios(double? ReuseOverNaive, double? HarnessOverEngine, double? EngineOverFloor, double? PrefilledOverMinimum);
