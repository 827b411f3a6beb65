using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Engines;

/// <summary>
/// Which engine to open on what: everything <see cref="EngineCatalog.Open"/> needs, and nothing a caller adds afterwards. Two
/// equal specs open models with the same <see cref="ILanguageModel.EngineDescription"/> and <see cref="ILanguageModel.Identity"/>,
/// whichever command or gate case opens them.
/// </summary>
/// <param name="Engine">The engine.</param>
/// <param name="ModelFolder">
/// The model folder: required by genai, llamacpp (its model.gguf) and llama-server (its model.gguf); optional for openai, where it
/// supplies the tokenizer and chat template and is checked against the server's /tokenize.
/// </param>
/// <param name="Endpoint">The server of <see cref="EngineKind.OpenAi"/>; null for the others.</param>
/// <param name="Device">"cpu" or "cuda": GenAI's execution provider (genai, and the local tokenizer of a served engine).</param>
/// <param name="BatchSize">Prompts per forward pass (genai).</param>
/// <param name="DeclaredKind">The model kind the user declared, or null to infer it from the folder.</param>
/// <param name="ServedModel">The served model name (openai); null: the server's first.</param>
/// <param name="Concurrency">Requests in flight at once to a served engine; null: <see cref="DefaultConcurrency"/> for openai, the server's slots for llama-server.</param>
/// <param name="ApiKeyEnvironmentVariable">The variable holding the served engine's API key, or null.</param>
/// <param name="LlamaServerBinary">The llama-server binary; null: <see cref="LlamaServerProcess.BinaryPath"/>.</param>
/// <param name="LlamaServerSlots">Slots llama-server is started with (<c>-np</c>).</param>
/// <param name="LlamaServerContextPerSlot">Context per slot for a llama-server with more than one slot; null: the GGUF's.</param>
/// <param name="RequestTimeout">A served engine's per-request timeout; null: <see cref="ServedEngineOptions"/>'s default.</param>
/// <param name="MaxAttempts">A served engine's attempts per request (the first and the retries); null: <see cref="ServedEngineOptions"/>'s default.</param>
/// <param name="FirstBackoff">A served engine's first wait before a retry; null: <see cref="ServedEngineOptions"/>'s default.</param>
public sealed record EngineSpec(
    EngineKind Engine,
    string? ModelFolder,
    Uri? Endpoint = null,
    string Device = "cpu",
    int BatchSize = 1,
    ModelKind? DeclaredKind = null,
    string? ServedModel = null,
    int? Concurrency = null,
    string? ApiKeyEnvironmentVariable = null,
    string? LlamaServerBinary = null,
    int LlamaServerSlots = 1,
    int? LlamaServerContextPerSlot = null,
    TimeSpan? RequestTimeout = null,
    int? MaxAttempts = null,
    TimeSpan? FirstBackoff = null)
{
    /// <summary>Requests in flight to an external server unless asked otherwise.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>GenAI in process on <paramref name="modelFolder"/>.</summary>
    public static EngineSpec GenAi(string modelFolder, string device = "cpu", int batchSize = 1, ModelKind? declaredKind = null) =>
        new(EngineKind.GenAi, modelFolder, Device: device, BatchSize: batchSize, DeclaredKind: declaredKind);

    /// <summary>Requests in flight this spec's served engine gets.</summary>
    /// <summary>A served engine's connection settings at <paramref name="endpoint"/>.</summary>
    public ServedEngineOptions ServedOptions(Uri endpoint)
    {
        var defaults = new ServedEngineOptions(endpoint);
        return defaults with
        {
            ServedModel = ServedModel,
            Concurrency = EffectiveConcurrency,
            ApiKeyEnvironmentVariable = ApiKeyEnvironmentVariable,
            RequestTimeout = RequestTimeout,
            MaxAttempts = MaxAttempts ?? defaults.MaxAttempts,
            FirstBackoff = FirstBackoff,
        };
    }

    public int EffectiveConcurrency => Concurrency ?? (Engine == EngineKind.LlamaServer ? LlamaServerSlots : DefaultConcurrency);
}
