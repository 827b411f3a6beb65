using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// The parsed options of <c>qwen3eval run</c>; Repeats runs each benchmark N times (sampled generation uses seed Seed + i); Kind is the declared model kind (null: inferred from the folder).
/// With <see cref="EngineKind.OpenAi"/>: Endpoint is the server's URL, ServedModel its model name (null: the server's first), Concurrency the
/// requests in flight (null: 4), ApiKeyEnvironmentVariable the variable holding the key, RequestTimeoutSeconds one request's limit and Retries the tries after the first; ModelFolder, when given, supplies the tokenizer and chat template.
/// </summary>
public sealed record RunOptions(
    string? ModelFolder,
    IReadOnlyList<Benchmark> Benchmarks,
    IPromptProtocol Protocol,
    string DataFolder,
    int? Limit,
    int? Shots,
    bool Chat,
    bool AllowKindMismatch,
    int BatchSize,
    string Device,
    string OutputFolder,
    bool Json,
    int Repeats = 1,
    double Temperature = 0,
    int Seed = 0,
    string? CacheFile = null,
    bool NoCache = false,
    ModelKind? Kind = null,
    EngineKind Engine = EngineKind.GenAi,
    string? Endpoint = null,
    string? ServedModel = null,
    int? Concurrency = null,
    string? ApiKeyEnvironmentVariable = null,
    double RequestTimeoutSeconds = ServedEngineOptions.DefaultRequestTimeoutSeconds,
    int Retries = ServedEngineOptions.DefaultRetries)
{
    /// <summary>--baselines: the catalogue the scores are set against; null: <see cref="BaselineCatalogLocation"/>'s default.</summary>
    public string? BaselinesFile { get; init; }
}
