using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// What <c>qwen3eval bench</c> prints: the runs over the same questions and the ratios of the targets
/// (each a cost over a cost: lower is better; null when a run it needs was not asked for).
/// </summary>
/// <param name="IntraOpThreads">The ONNX Runtime intra-op thread count every run used (GenAI and the floor alike).</param>
/// <param name="IntraOpSpinning">Whether idle intra-op threads spin-waited (session.intra_op.allow_spinning).</param>
public sealed record BenchReport(int Questions, int IntraOpThreads, bool IntraOpSpinning, IReadOnlyList<BenchRun> Runs, BenchRatios Ratios)
{
    /// <summary>
    /// The process's GLIBC_TUNABLES (null, and written as null, when unset): glibc reads them once at start, and
    /// <c>glibc.malloc.hugetlb=1</c> alone moved the forward time of an unpruned CPU export by a fifth (README "Performance").
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? GlibcTunables { get; init; }
}

/// <summary>
/// One run. <paramref name="PrefilledTokens"/>: the tokens the engine ran through its forward pass (null, and written as
/// null, when the engine does not say: a served engine without llama.cpp's /metrics).
/// <paramref name="MinimumTokens"/>: the fewest tokens any run could prefill for these prompts, the distinct
/// prefixes of every sequence the harness needed (each subject's few-shot prefix once, plus what truncation moves); the
/// GenAI runs' count for every run.
/// <paramref name="HarnessSeconds"/>: wall time outside the engine's forward calls.
/// <paramref name="Rss"/>: the resident set after every 1,000 questions and at the end (harness runs; the floor replays
/// forward calls, not questions, and has none).
/// The properties after the record's parameters belong to the runs of other engines than GenAI (null, and left out, on
/// naive, reuse and floor).
/// </summary>
public sealed record BenchRun(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? PrefilledTokens,
    long MinimumTokens,
    double ForwardSeconds,
    double HarnessSeconds,
    double QuestionsPerSecond,
    long PeakRssBytes,
    IReadOnlyList<RssSample> Rss)
{
    /// <summary>Harness runs (not the floor): seconds the .NET runtime paused managed threads for garbage collections during the run.</summary>
    public double? GcPauseSeconds { get; init; }

    /// <summary>Harness runs (not the floor): garbage collections during the run, of any generation.</summary>
    public int? GcCollections { get; init; }

    /// <summary>The engine and how it ran, as the run's results file records it (a started llama-server's flags and slots included).</summary>
    public string? Settings { get; init; }

    /// <summary>The server's slots (llama-server's <c>-np</c>, checked against /props <c>total_slots</c>); null for an in-process engine or a server that does not say.</summary>
    public int? Slots { get; init; }

    /// <summary>Requests in flight at once (served runs).</summary>
    public int? Concurrency { get; init; }

    /// <summary>The peak resident set of the server process (VmHWM of a started llama-server); null when the server is not this machine's child.</summary>
    public long? ServerPeakRssBytes { get; init; }

    /// <summary>The run's accuracy.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Questions this run answered differently from the GenAI run's (0 expected: anything else is printed as a warning).</summary>
    public int? AnswersDifferentFromGenAi { get; init; }

    /// <summary>The largest |Δ log-likelihood| of any choice against the GenAI run; null when the protocol scores none.</summary>
    public double? MaxAbsLogLikelihoodDeltaFromGenAi { get; init; }
}

/// <summary>
/// reuseOverNaive: prefilled tokens, reuse ÷ naive. harnessOverEngine: the reuse run's harness ÷ forward seconds (target ≤ 0.05).
/// engineOverFloor: the reuse run's forward seconds ÷ the floor's (target ≤ 1.3). prefilledOverMinimum: reuse prefilled ÷
/// minimum tokens (target ≤ 1.05). rssEndOverFirstThousand: the reuse run's resident set at the end ÷ after its first 1,000
/// questions (target ≤ 1.10; null for runs under 1,000 questions). secondsOverGenAi: each other engine's run, its wall seconds
/// ÷ the GenAI run's (reuse, else naive) over the same questions (= GenAI q/s ÷ its q/s); null without other engines.
/// </summary>
public sealed record BenchRatios(
    double? ReuseOverNaive,
    double? HarnessOverEngine,
    double? EngineOverFloor,
    double? PrefilledOverMinimum,
    double? RssEndOverFirstThousand,
    IReadOnlyDictionary<string, double>? SecondsOverGenAi = null);
