using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Suites;

/// <summary>A per-case change to the suite's settings.</summary>
/// <param name="ModelId">The model of the case.</param>
/// <param name="Benchmark">The benchmark of the case.</param>
/// <param name="TolerancePoints">Tolerance in points for this case, or null to keep the suite's.</param>
/// <param name="Shots">Shots for this case, or null.</param>
/// <param name="Limit">Limit for this case, or null.</param>
/// <param name="Reason">Why the case differs.</param>
public sealed record SuiteOverride(string ModelId, Benchmark Benchmark, double? TolerancePoints, int? Shots, int? Limit, string? Reason);
