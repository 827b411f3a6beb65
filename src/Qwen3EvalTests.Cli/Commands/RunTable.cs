using System.Globalization;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>The human-readable table <c>qwen3eval run</c> prints.</summary>
public static class RunTable
{
    public static void Write(TextWriter output, IReadOnlyList<BenchmarkRun> runs)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"benchmark",-9} {"protocol",-11} {"split",-5} {"avg",-5} {"questions",9} {"correct",7} {"accuracy",8} {"95% CI",15} {"q/s",7}  results"));
        foreach (var run in runs)
        {
            var s = run.Summary;
            var perSecond = s.Counters.TotalSeconds > 0 ? s.Questions / s.Counters.TotalSeconds : 0;
            output.WriteLine(string.Create(c, $"{run.Header.Settings.Benchmark,-9} {run.Header.Settings.Protocol,-11} {run.Header.Settings.Split,-5} {s.Average,-5} {s.Questions,9} {s.Correct,7} {s.Accuracy * 100,7:F2}% {$"[{s.Micro.Low95 * 100:F1}, {s.Micro.High95 * 100:F1}]",15} {perSecond,7:F1}  {run.ResultsFile}"));
        }

        foreach (var run in runs)
        {
            var k = run.Summary.Counters;
            var fed = k.PrefilledTokens + k.ReusedTokens;
            output.WriteLine(string.Create(c, $"{run.Header.Settings.Benchmark}: prefilled {k.PrefilledTokens:N0} of {fed:N0} prompt tokens ({(fed > 0 ? 100.0 * k.PrefilledTokens / fed : 0):F1} %; the rest reused from the KV cache) in {k.ForwardCalls:N0} forward calls; forward {k.ForwardSeconds:F2} s, harness {k.HarnessSeconds:F2} s ({(k.ForwardSeconds > 0 ? 100 * k.HarnessSeconds / k.ForwardSeconds : 0):F1} % of forward); {run.Summary.Truncated} prompts left-truncated"));
        }

        if (runs.Count > 0)
        {
            output.WriteLine(string.Create(c, $"model: {runs[0].Header.Model} ({runs[0].Header.ModelKind}), engine: {runs[0].Header.Environment.Engine} on {runs[0].Header.Environment.ExecutionProvider}"));
        }
    }
}
