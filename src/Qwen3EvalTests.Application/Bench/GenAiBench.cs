using System.Diagnostics;
using Qwen3EvalTests.Inference.Floor;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// <c>qwen3eval bench</c> for the GenAI engine: the same harness over the same questions as <em>naive</em> (every prompt
/// prefilled from its first token) and <em>reuse</em> (as <c>run</c> scores), then the <em>floor</em>: a plain ONNX Runtime
/// session replaying the reuse run's forward calls. Each run loads its own model; load time is not counted.
/// </summary>
public static class GenAiBench
{
    public static IReadOnlyList<string> RunNames { get; } = ["naive", "reuse", "floor"];

    /// <summary>
    /// Runs <paramref name="runs"/> (a subset of <see cref="RunNames"/>; floor needs reuse) with <paramref name="harness"/>, which
    /// scores the questions on the model it is given, reports the questions scored so far to the callback it is given (for the
    /// resident-set samples) and returns how many it scored.
    /// </summary>
    /// <param name="options">How GenAI loads the model (thread count); the floor runs with the same intra-op threading.</param>
    public static BenchReport Run(string modelFolder, IReadOnlyCollection<string> runs, Func<ILanguageModel, Action<int>, int> harness, GenAiModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(harness);
        if (runs.Contains("floor") && !runs.Contains("reuse"))
        {
            throw new EvalInputException("the floor replays the reuse run's forward calls; ask for reuse too (--runs reuse,floor).", field: "runs");
        }

        var results = new List<BenchRun>();
        var questions = 0;
        // The floor replays the reuse run's forward calls, so only then are they kept (on disk: they grow with the dataset).
        using var reuseLog = runs.Contains("floor") ? new PrefillSpool() : null;
        long? minimum = null;
        IntraOpThreading? threading = null;
        foreach (var name in RunNames.Where(runs.Contains))
        {
            if (name == "floor")
            {
                ResidentSet.ResetPeak();
                using var floor = new OnnxFloor(modelFolder, threading!);
                var (forward, read) = floor.Replay(reuseLog!.Read());
                results.Add(new BenchRun(name, reuseLog.Tokens, minimum!.Value, forward, read, questions / (forward + read), ResidentSet.Peak(), []));
                continue;
            }

            using var model = GenAiLanguageModel.Load(modelFolder, options);
            threading = model.Threading;
            var log = name == "reuse" ? reuseLog : null;
            var minimumCount = new MinimumTokenCount();
            model.RecordPrefills(record =>
            {
                minimumCount.Add(record);
                log?.Add(record);
            });
            model.PrefillsFromScratch = name == "naive";
            ResidentSet.ResetPeak();
            var rss = new RssSampler();
            var gc = GcPauseClock.StartNew();
            var clock = Stopwatch.StartNew();
            questions = harness(model, rss.Scored);
            var seconds = clock.Elapsed.TotalSeconds;
            var counters = model.Counters;
            var forwardSeconds = counters.ForwardTime.TotalSeconds;
            minimum ??= minimumCount.Tokens;
            results.Add(new BenchRun(name, counters.PrefilledTokens, minimum.Value, forwardSeconds, seconds - forwardSeconds, questions / seconds, ResidentSet.Peak(), rss.Finish(questions))
            {
                GcPauseSeconds = gc.Seconds,
                GcCollections = gc.Collections,
            });
        }

        return new BenchReport(questions, threading?.Threads ?? 0, threading?.Spins ?? false, results, RatiosOf(results))
        {
            GlibcTunables = Environment.GetEnvironmentVariable(FreshLogitsBufferAdvice.TunablesVariable),
        };
    }

    /// <summary>The fewest tokens a KV cache holding one sequence can prefill for these forward calls (<see cref="MinimumTokenCount"/>).</summary>
    public static long MinimumTokens(IEnumerable<PrefillRecord> log)
    {
        var count = new MinimumTokenCount();
        foreach (var record in log)
        {
            count.Add(record);
        }

        return count.Tokens;
    }

    private static BenchRatios RatiosOf(List<BenchRun> runs)
    {
        var naive = runs.FirstOrDefault(r => r.Name == "naive");
        var reuse = runs.FirstOrDefault(r => r.Name == "reuse");
        var floor = runs.FirstOrDefault(r => r.Name == "floor");
        var measured = reuse ?? naive;
        return new BenchRatios(
            naive is not null && reuse is not null ? (double?)reuse.PrefilledTokens / naive.PrefilledTokens : null,
            measured is null ? null : measured.HarnessSeconds / measured.ForwardSeconds,
            reuse is not null && floor is not null ? reuse.ForwardSeconds / floor.ForwardSeconds : null,
            measured is null ? null : (double?)measured.PrefilledTokens / measured.MinimumTokens,
            measured is null ? null : RssGrowth(measured.Rss));
    }

    /// <summary>The last sample's resident set ÷ the first sample's at or after 1,000 questions; null without two such samples.</summary>
    public static double? RssGrowth(IReadOnlyList<RssSample> samples)
    {
        var first = samples.FirstOrDefault(s => s.Questions >= RssSampler.Every);
        return first is null || ReferenceEquals(first, samples[^1]) ? null : (double)samples[^1].RssBytes / first.RssBytes;
    }
}
