using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>The snapshot matrix as plain string ids: benchmark × protocol × {base, chat}.</summary>
internal static class PromptSnapshotCases
{
    public static TheoryData<string, string, string> All()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var benchmark in BenchmarkIds.All)
        {
            foreach (var protocol in PromptProtocols.Names)
            {
                cases.Add(benchmark.ToId(), protocol, "base");
                cases.Add(benchmark.ToId(), protocol, "chat");
            }
        }

        return cases;
    }

    /// <summary>The snapshot's path relative to the test source folder, without ".approved.txt".</summary>
    public static string Name(string source, string benchmark, string protocol, string form) =>
        $"Snapshots/{source}/{protocol}.{benchmark}.{form}";
}
