namespace Qwen3EvalTests.Benchmarks;

/// <summary>Maps <see cref="Benchmark"/> to and from its command-line id.</summary>
public static class BenchmarkIds
{
    public static IReadOnlyList<Benchmark> All { get; } = [Benchmark.Mmlu, Benchmark.Ceval, Benchmark.Cmmlu];

    public static string ToId(this Benchmark benchmark) => benchmark switch
    {
        Benchmark.Mmlu => "mmlu",
        Benchmark.Ceval => "ceval",
        Benchmark.Cmmlu => "cmmlu",
        _ => throw new ArgumentOutOfRangeException(nameof(benchmark), benchmark, null),
    };

    public static Benchmark Parse(string id) => TryParse(id, out var benchmark)
        ? benchmark
        : throw new EvalInputException($"unknown benchmark '{id}': expected one of mmlu, ceval, cmmlu.", field: "benchmark");

    public static bool TryParse(string? id, out Benchmark benchmark)
    {
        switch (id?.Trim().ToLowerInvariant())
        {
            case "mmlu": benchmark = Benchmark.Mmlu; return true;
            case "ceval" or "c-eval": benchmark = Benchmark.Ceval; return true;
            case "cmmlu": benchmark = Benchmark.Cmmlu; return true;
            default: benchmark = default; return false;
        }
    }
}
