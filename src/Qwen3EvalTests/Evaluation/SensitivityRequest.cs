using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Evaluation;

/// <summary>What a sensitivity analysis varies and on which questions.</summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="DataFolder">The data folder.</param>
/// <param name="Factors">The factors to vary (each one at a time against the reference).</param>
/// <param name="Limit">Questions per subject; every setting scores the same ones.</param>
/// <param name="OutputFolder">Where each setting's results file goes.</param>
public sealed record SensitivityRequest(
    Benchmark Benchmark,
    string DataFolder,
    IReadOnlyList<SensitivityFactor> Factors,
    int? Limit,
    string OutputFolder);
