using System.Diagnostics;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Bench;

/// <summary>
/// <c>qwen3eval bench</c> for the GenAI engine: the same harness over the same questions as <em>naive</em> (every prompt
/// prefilled from its first token) and <em>reuse</em> (as <c>run</c> scores), then the <em>floor</em>: a plain ONNX Runtime
/// session replaying the reuse run's forward calls. Each run loads its own model; load time is not counted.
/// </summary>
public static class GenAiBench
{
    public static IReadOnlyList<string> RunNames { get; } = ["naive", "reuse", "floor"];

    /// <summary>Runs <paramref name="runs"/> (a subset of <see cref="RunNames"/>; floor needs reuse) with <paramref name="harness"/>, which scores the questions on the model it is given and returns how many it scored.</summary>
    public static BenchReport Run(string modelFolder, IReadOnlyCollection<string> runs, Func<ILanguageModel, int> harness)
    {
        ArgumentNullException.ThrowIfNull(harness);
        if (runs.Contains("floor") && !runs.Contains("reuse"))
        {
            throw new EvalInputException("the floor replays the reuse run's forward calls; ask for reuse too (--runs reuse,floor).", field: "runs");
        }

        var results = new List<BenchRun>();
        var questions = 0;
        List<PrefillRecord>? reuseLog = null;
        long? minimum = null;
        foreach (var name in RunNames.Where(runs.Contains))
        {
            if (name == "floor")
            {
                PeakRss.Reset();
                using var floor = new OnnxFloor(modelFolder);
                var (forward, read) = floor.Replay(reuseLog!);
                results.Add(new BenchRun(name, reuseLog!.Sum(r => (long)r.Tokens.Length), minimum!.Value, forward, read, questions / (forward + read), PeakRss.Read()));
                continue;
            }

            using var model = GenAiLanguageModel.Load(modelFolder);
            var log = new List<PrefillRecord>();
            model.RecordPrefills(log);
            model.PrefillsFromScratch = name == "naive";
            PeakRss.Reset();
            var clock = Stopwatch.StartNew();
            questions = harness(model);
            var seconds = clock.Elapsed.TotalSeconds;
            var counters = model.Counters;
            var forwardSeconds = counters.ForwardTime.TotalSeconds;
            minimum ??= MinimumTokens(log);
            results.Add(new BenchRun(name, counters.PrefilledTokens, minimum.Value, forwardSeconds, seconds - forwardSeconds, questions / seconds, PeakRss.Read()));
            if (name == "reuse")
            {
                reuseLog = log;
            }
        }

        return new BenchReport(questions, results, RatiosOf(results));
    }

    /// <summary>
    /// The fewest tokens a KV cache holding one sequence can prefill for these forward calls: each full sequence (the cache's
    /// kept tokens plus the appended ones) counts its tokens beyond what it shares with the sequence before it. Within a subject
    /// that shares at least the few-shot prefix, so this is at most "each subject's prefix once plus what truncation forces".
    /// </summary>
    public static long MinimumTokens(IEnumerable<PrefillRecord> log)
    {
        var held = new List<int>();
        int[] previous = [];
        long minimum = 0;
        foreach (var record in log)
        {
            held.RemoveRange(record.Start, held.Count - record.Start);
            held.AddRange(record.Tokens);
            int[] sequence = [.. held];
            minimum += sequence.Length - sequence.AsSpan().CommonPrefixLength(previous);
            previous = sequence;
        }

        return minimum;
    }

    private static BenchRatios RatiosOf(List<BenchRun> runs)
    {
        var naive = runs.FirstOrDefault(r => r.Name == "naive");
        var reuse = runs.FirstOrDefault(r => r.Name == "reuse");
        var floor = runs.FirstOrDefault(r => r.Name == "floor");
        var measured = reuse ?? naive;
        return new BenchRatios(
            naive is not null && reuse is not null ? (double)reuse.PrefilledTokens / naive.PrefilledTokens : null,
            measured is null ? null : measured.HarnessSeconds / measured.ForwardSeconds,
            reuse is not null && floor is not null ? reuse.ForwardSeconds / floor.ForwardSeconds : null,
            measured is null ? null : (double)measured.PrefilledTokens / measured.MinimumTokens);
    }
}
