using Qwen3EvalTests.Comparison;

namespace Qwen3EvalTests.Suites;

/// <summary>A validated suite file (evalsuites/*.yaml) and the cases it expands to.</summary>
public sealed record EvalSuite(
    int SchemaVersion,
    string Name,
    string Family,
    string File,
    BaselineOrigin Baseline,
    IReadOnlyList<SuiteModel> Models,
    IReadOnlyList<SuiteBenchmark> Benchmarks,
    Tolerance Tolerance,
    bool AllowKindMismatch,
    IReadOnlyList<SuiteOverride> Overrides,
    IReadOnlyList<SuiteCase> Cases);
