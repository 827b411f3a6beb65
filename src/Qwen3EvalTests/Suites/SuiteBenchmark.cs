using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Suites;

/// <summary>How a suite runs one benchmark, for the models of one kind (or all models when <paramref name="Kind"/> is null).</summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Kind">The model kind this entry applies to, or null for all.</param>
/// <param name="Protocol">"qwen", "lm-eval" or "opencompass".</param>
/// <param name="Shots">Few-shot examples.</param>
/// <param name="Scoring">The scorer the protocol uses for this benchmark and form (validated against its settings).</param>
/// <param name="Chat">Whether the prompt goes through the chat template.</param>
/// <param name="Limit">Questions per subject to keep, or null for all.</param>
/// <param name="Repeats">Runs per case (sampled generation): the gate compares their mean, with their spread in the tolerance.</param>
public sealed record SuiteBenchmark(
    Benchmark Benchmark,
    ModelKind? Kind,
    string Protocol,
    int Shots,
    ScorerKind Scoring,
    bool Chat,
    int? Limit,
    int Repeats = 1);
