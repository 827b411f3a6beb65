namespace Qwen3EvalTests.Benchmarks;

/// <summary>Maps <see cref="Benchmark"/> to and from its command-line id (read from <see cref="BenchmarkDefinitions"/>).</summary>
public static class BenchmarkIds
{
    /// <summary>The official benchmarks, mmlu, ceval, cmmlu (test benchmarks such as mmlu5-fixture are in <see cref="BenchmarkDefinitions.All"/>).</summary>
    public static IReadOnlyList<Benchmark> All { get; } = [.. BenchmarkDefinitions.Official.Select(d => d.Benchmark)];

    public static string ToId(this Benchmark benchmark) => BenchmarkDefinitions.Get(benchmark).Id;

    public static Benchmark Parse(string id) => TryParse(id, out var benchmark)
        ? benchmark
        : throw new EvalInputException($"unknown benchmark '{id}': expected one of {string.Join(", ", BenchmarkDefinitions.Ids)}.", field: "benchmark");

    public static bool TryParse(string? id, out Benchmark benchmark)
    {
        var found = BenchmarkDefinitions.TryGet(id, out var definition);
        benchmark = found ? definition.Benchmark : default;
        return found;
    }
}
