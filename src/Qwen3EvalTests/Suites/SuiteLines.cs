namespace Qwen3EvalTests.Suites;

/// <summary>Where each model, benchmark entry and override starts in the YAML, for problems found after reading.</summary>
internal sealed class SuiteLines
{
    public Dictionary<SuiteModel, long> Models { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<SuiteBenchmark, long> Benchmarks { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<SuiteOverride, long> Overrides { get; } = new(ReferenceEqualityComparer.Instance);

    public long? Of(SuiteModel model) => Models.TryGetValue(model, out var line) ? line : null;

    public long? Of(SuiteBenchmark entry) => Benchmarks.TryGetValue(entry, out var line) ? line : null;

    public long? Of(SuiteOverride entry) => Overrides.TryGetValue(entry, out var line) ? line : null;
}
