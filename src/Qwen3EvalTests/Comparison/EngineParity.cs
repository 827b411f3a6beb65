using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Comparison;

/// <summary>One engine's run of a plan: its outcomes in run order, the time the run took, and the engine's settings.</summary>
/// <param name="Name">The engine id (genai, llamacpp, openai, llama-server).</param>
/// <param name="Settings">The engine as the run records it, pinned settings included.</param>
/// <param name="Accuracy">The run's score (the protocol's average), 0..1.</param>
/// <param name="Outcomes">Every question's outcome.</param>
/// <param name="Elapsed">Wall time of the run (the model loaded before).</param>
public sealed record EngineRun(string Name, string Settings, double Accuracy, IReadOnlyList<QuestionOutcome> Outcomes, TimeSpan Elapsed);

/// <summary>
/// The same questions through several engines, against the first (the reference): how often every engine picks the same
/// answer, which questions flip, McNemar's test on correctness, and the largest difference of any log-likelihood.
/// </summary>
public static class EngineParity
{
    /// <exception cref="ArgumentException">Fewer than two runs, or runs over different questions.</exception>
    public static EngineParityReport Compare(IReadOnlyList<EngineRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < 2)
        {
            throw new ArgumentException("an engine comparison needs at least two runs.", nameof(runs));
        }

        var reference = runs[0];
        var keys = reference.Outcomes.Select(o => (o.Subject, o.Index)).ToList();
        foreach (var run in runs.Skip(1))
        {
            if (!run.Outcomes.Select(o => (o.Subject, o.Index)).SequenceEqual(keys))
            {
                throw new ArgumentException($"engine {run.Name} answered other questions than {reference.Name}: the runs must share one plan.", nameof(runs));
            }
        }

        var flips = new List<EngineFlip>();
        var agreed = 0;
        double? maxDelta = null;
        var smallestP = 1.0;
        for (var q = 0; q < keys.Count; q++)
        {
            var expected = reference.Outcomes[q];
            var all = true;
            foreach (var run in runs.Skip(1))
            {
                var actual = run.Outcomes[q];
                if (actual.Predicted != expected.Predicted)
                {
                    all = false;
                    flips.Add(new EngineFlip(run.Name, expected.Subject, expected.Index, expected.Answer.ToString(), expected.Predicted?.ToString(), actual.Predicted?.ToString()));
                }

                if (expected.Scores.Count > 0 && actual.Scores.Count == expected.Scores.Count)
                {
                    var delta = expected.Scores.Zip(actual.Scores, (a, b) => Math.Abs(a - b)).Max();
                    maxDelta = Math.Max(maxDelta ?? 0, delta);
                }
            }

            agreed += all ? 1 : 0;
        }

        foreach (var run in runs.Skip(1))
        {
            var b = reference.Outcomes.Zip(run.Outcomes).Count(p => p.First.Correct && !p.Second.Correct);
            var c = reference.Outcomes.Zip(run.Outcomes).Count(p => !p.First.Correct && p.Second.Correct);
            smallestP = Math.Min(smallestP, McNemarTest.Run(b, c).PValue);
        }

        var engines = runs.Select(r => new EngineSummary(r.Name, r.Accuracy, r.Elapsed > TimeSpan.Zero ? r.Outcomes.Count / r.Elapsed.TotalSeconds : 0, r.Settings)).ToList();
        return new EngineParityReport(engines, keys.Count, keys.Count == 0 ? 1 : (double)agreed / keys.Count, maxDelta, smallestP, flips);
    }
}

/// <summary>The engine-parity report (<c>qwen3eval engines compare --json</c>).</summary>
/// <param name="Engines">Each engine's accuracy, questions per second and settings, the reference first.</param>
/// <param name="Questions">Questions each engine answered.</param>
/// <param name="Agreement">The fraction of questions on which every engine picks the reference's answer.</param>
/// <param name="MaxAbsLogLikelihoodDelta">The largest |Δ log-likelihood| of any choice of any question against the reference; null when no engine scores by log-likelihood.</param>
/// <param name="McnemarP">McNemar's two-sided p on correctness, the smallest over every engine against the reference (1: no flip of correctness).</param>
/// <param name="Flips">Every question where an engine's answer differs from the reference's.</param>
public sealed record EngineParityReport(
    IReadOnlyList<EngineSummary> Engines,
    int Questions,
    double Agreement,
    double? MaxAbsLogLikelihoodDelta,
    double McnemarP,
    IReadOnlyList<EngineFlip> Flips);

/// <summary>One engine's line of the report.</summary>
public sealed record EngineSummary(string Name, double Accuracy, double QuestionsPerSecond, string Settings);

/// <summary>A question on which <paramref name="Engine"/> answers differently from the reference engine.</summary>
public sealed record EngineFlip(string Engine, string Subject, int Index, string Answer, string? Reference, string? Predicted);
