using System.Globalization;
using System.Text;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>What a server says about itself at connect: its dialect, the model it serves and the engine's version.</summary>
/// <param name="ModelIdentity">The server's own description of its model, stable across restarts (no timestamps): part of the cache key.</param>
internal sealed record ServerFacts(
    ServedDialect Dialect,
    string ServedModel,
    int? ContextLength,
    int? VocabSize,
    string? ModelIdentity,
    string EngineDescription,
    bool HasChatTemplate)
{
    public static async Task<ServerFacts> ReadAsync(ServedHttpClient http, ServedEngineOptions options, CancellationToken cancellationToken)
    {
        var models = await http.GetOptionalAsync("v1/models", ServedJsonContext.Default.ModelsResponse, cancellationToken).ConfigureAwait(false);
        var props = await http.GetOptionalAsync("props", ServedJsonContext.Default.LlamaPropsResponse, cancellationToken).ConfigureAwait(false);
        var llama = props is { BuildInfo: not null } or { DefaultGenerationSettings: not null };
        var entries = models?.Data ?? [];
        var entry = options.ServedModel is { } wanted ? entries.FirstOrDefault(e => e.Id == wanted) : entries.FirstOrDefault();
        if (options.ServedModel is { } missing && entry is null && entries.Count > 0 && !llama)
        {
            throw new EvalInputException(
                $"the server at {http.Endpoint} does not serve a model named '{missing}'; it serves {string.Join(", ", entries.Select(e => $"'{e.Id}'"))} (pass one of them with --served-model).",
                field: "--served-model");
        }

        var servedModel = options.ServedModel ?? entry?.Id ?? props?.ModelAlias
            ?? throw new EvalInputException(
                $"the server at {http.Endpoint} lists no model in /v1/models; pass the model name it serves with --served-model.",
                field: "--served-model");

        var identity = new StringBuilder();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                identity.Append(CultureInfo.InvariantCulture, $"{key}={value};");
            }
        }

        Add("id", entry?.Id);
        Add("root", entry?.Root);
        Add("owned_by", entry?.OwnedBy);
        Add("max_model_len", entry?.MaxModelLen);
        Add("n_vocab", entry?.Meta?.NVocab);
        Add("n_ctx_train", entry?.Meta?.NCtxTrain);
        Add("n_ctx", entry?.Meta?.NCtx ?? props?.DefaultGenerationSettings?.NCtx);
        Add("model_path", props?.ModelPath);
        string description;
        if (llama)
        {
            Add("build_info", props!.BuildInfo);
            description = $"llama.cpp server {props.BuildInfo ?? "unknown build"} (/completion n_probs), model {servedModel}";
        }
        else
        {
            var version = await http.GetOptionalAsync("version", ServedJsonContext.Default.VersionResponse, cancellationToken).ConfigureAwait(false);
            Add("version", version?.Version);
            description = $"openai-compatible server {version?.Version ?? "unknown version"} (/v1/completions echo), model {servedModel}";
        }

        // The server's model facts stay readable in the manifest: a different context length or model file changes the run identity.
        description += $" [{identity}]";
        // llama-server without a loaded model (router mode) answers n_ctx 0: unknown, not a context of no tokens.
        var contextLength = llama ? props!.DefaultGenerationSettings?.NCtx ?? entry?.Meta?.NCtx : entry?.MaxModelLen;
        contextLength = contextLength > 0 ? contextLength : null;
        var vocab = entry?.Meta?.NVocab is { } n ? (int)n : (int?)null;
        return new ServerFacts(
            llama ? ServedDialect.LlamaCpp : ServedDialect.OpenAiCompletions,
            servedModel,
            contextLength,
            vocab,
            identity.ToString(),
            description,
            !string.IsNullOrEmpty(props?.ChatTemplate));
    }
}
