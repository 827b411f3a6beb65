using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// The identity of one request, in the open: <see cref="Text"/> lists every part that can change the answer
/// (cache format, model hash, execution provider, kind, the exact prompt text, continuations, every field of the
/// request or generation settings — a reflection test fails when a new field is left out),
/// each as <c>name=length:value</c>; <see cref="Hash"/> is its SHA-256. Changing any part misses by construction.
/// </summary>
/// <param name="Hash">SHA-256 of <see cref="Text"/>, lower-case hex: the cache's primary key.</param>
/// <param name="Text">The canonical key text.</param>
/// <param name="ModelHash">Stored in its own column for debugging.</param>
/// <param name="Kind"><see cref="RequestKind"/>.</param>
/// <param name="PromptPrefix">The first characters of the prompt, for debugging.</param>
public sealed record RequestCacheKey(string Hash, string Text, string ModelHash, string Kind, string PromptPrefix)
{
    /// <summary>Bump when the key text or the stored JSON changes meaning; old rows then simply miss.</summary>
    public const int FormatVersion = 2;

    private const int PrefixLength = 80;

    /// <summary>Request fields deliberately left out of a score key, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> NotInScoreKey { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(LogLikelihoodRequest.Tokenized)] = "the ids are derived from the context, continuations and tokenization (all in the key) by the model's own tokenizer, whose files are in the model hash",
    };

    public static RequestCacheKey ForScore(ModelIdentity model, LogLikelihoodRequest request)
    {
        var text = new StringBuilder();
        Head(text, model, RequestKind.Score);
        Part(text, "context", request.Context);
        Part(text, "continuations", request.Continuations.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var continuation in request.Continuations)
        {
            Part(text, "continuation", continuation);
        }

        Part(text, "maxContextTokens", request.MaxContextTokens?.ToString(CultureInfo.InvariantCulture) ?? "null");
        Part(text, "includeContextLogProb", request.IncludeContextLogProb ? "true" : "false");
        Part(text, "nextTokenOnly", request.NextTokenOnly ? "true" : "false");
        Part(text, "tokenization", request.Tokenization.ToId());
        return Create(text, model, RequestKind.Score, request.Context);
    }

    public static RequestCacheKey ForGenerate(ModelIdentity model, string prompt, GenerationSettings settings)
    {
        var text = new StringBuilder();
        Head(text, model, RequestKind.Generate);
        Part(text, "prompt", prompt);
        Part(text, "maxNewTokens", settings.MaxNewTokens.ToString(CultureInfo.InvariantCulture));
        Part(text, "stopStrings", settings.StopStrings?.Count.ToString(CultureInfo.InvariantCulture) ?? "null");
        foreach (var stop in settings.StopStrings ?? [])
        {
            Part(text, "stopString", stop);
        }

        Part(text, "temperature", settings.Temperature.ToString("R", CultureInfo.InvariantCulture));
        Part(text, "seed", settings.Seed.ToString(CultureInfo.InvariantCulture));
        Part(text, "topP", settings.TopP.ToString("R", CultureInfo.InvariantCulture));
        Part(text, "topK", settings.TopK.ToString(CultureInfo.InvariantCulture));
        Part(text, "minP", settings.MinP.ToString("R", CultureInfo.InvariantCulture));
        Part(text, "repetitionPenalty", settings.RepetitionPenalty.ToString("R", CultureInfo.InvariantCulture));
        Part(text, "presencePenalty", settings.PresencePenalty.ToString("R", CultureInfo.InvariantCulture));
        return Create(text, model, RequestKind.Generate, prompt);
    }

    private static void Head(StringBuilder text, ModelIdentity model, string kind)
    {
        Part(text, "format", FormatVersion.ToString(CultureInfo.InvariantCulture));
        Part(text, "modelHash", model.ModelHash);
        Part(text, "executionProvider", model.ExecutionProvider);
        Part(text, "kind", kind);
    }

    private static void Part(StringBuilder text, string name, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{name}={value.Length}:{value}\n");

    private static RequestCacheKey Create(StringBuilder text, ModelIdentity model, string kind, string prompt)
    {
        var keyText = text.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keyText)));
        var prefix = prompt.Length <= PrefixLength ? prompt : prompt[..PrefixLength];
        return new RequestCacheKey(hash, keyText, model.ModelHash, kind, prefix);
    }
}

/// <summary>The two kinds of cached requests; the name is part of the key and of the <c>kind</c> column.</summary>
public static class RequestKind
{
    public const string Score = "score";
    public const string Generate = "generate";
}
