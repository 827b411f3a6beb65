namespace Qwen3EvalTests.Inference.Bench;

/// <summary>
/// What <c>qwen3eval bench</c> prints: the runs over the same questions and the ratios of the targets
/// (each a cost over a cost: lower is better; null when a run it needs was not asked for).
/// </summary>
/// <param name="IntraOpThreads">The ONNX Runtime intra-op thread count every run used (GenAI and the floor alike).</param>
/// <param name="IntraOpSpinning">Whether idle intra-op threads spin-waited (session.intra_op.allow_spinning).</param>
public sealed record BenchReport(int Questions, int IntraOpThreads, bool IntraOpSpinning, IReadOnlyList<BenchRun> Runs, BenchRatios Ratios);

/// <summary>
/// One run. <paramref name="MinimumTokens"/>: the fewest tokens any run could prefill for these prompts, the distinct
/// prefixes of every sequence the harness needed (each subject's few-shot prefix once, plus what truncation moves).
/// <paramref name="HarnessSeconds"/>: wall time outside the engine's forward calls.
/// <paramref name="Rss"/>: the resident set after every 1,000 questions and at the end (harness runs; the floor replays
/// forward calls, not questions, and has none).
/// </summary>
public sealed record BenchRun(
    string Name,
    long PrefilledTokens,
    long MinimumTokens,
    double ForwardSeconds,
    double HarnessSeconds,
    double QuestionsPerSecond,
    long PeakRssBytes,
    IReadOnlyList<RssSample> Rss);

/// <summary>
/// reuseOverNaive: prefilled tokens, reuse ÷ naive. harnessOverEngine: the reuse run's harness ÷ forward seconds (target ≤ 0.05).
/// engineOverFloor: the reuse run's forward seconds ÷ the floor's (target ≤ 1.3). prefilledOverMinimum: reuse prefilled ÷
/// minimum tokens (target ≤ 1.05). rssEndOverFirstThousand: the reuse run's resident set at the end ÷ after its first 1,000
/// questions (target ≤ 1.10; null for runs under 1,000 questions).
/// </summary>
public sealed record BenchRatios(double? ReuseOverNaive, double? HarnessOverEngine, double? EngineOverFloor, double? PrefilledOverMinimum, double? RssEndOverFirstThousand);
