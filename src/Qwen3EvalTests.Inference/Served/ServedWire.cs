using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Inference.Served;

// The wire formats of the two served dialects, as the servers document them. Every typed option becomes one of these
// in ServedWireMapping, and nowhere else.

/// <summary>
/// <c>POST /v1/completions</c> for scoring (vLLM, SGLang; lm-eval's <c>local-completions</c>): token-id prompts echoed
/// back with the logprob of every prompt token.
/// </summary>
internal sealed record CompletionsScoreRequest(
    string Model,
    IReadOnlyList<IReadOnlyList<int>> Prompt,
    int MaxTokens,
    double Temperature,
    int Logprobs,
    bool Echo,
    int Seed);

/// <summary><c>POST /v1/completions</c> for generation from an already-rendered prompt.</summary>
internal sealed record CompletionsGenerateRequest(
    string Model,
    string Prompt,
    int MaxTokens,
    double Temperature,
    double TopP,
    int TopK,
    double MinP,
    double RepetitionPenalty,
    double PresencePenalty,
    int Seed,
    IReadOnlyList<string>? Stop);

internal sealed record CompletionsResponse(IReadOnlyList<CompletionsChoice>? Choices);

internal sealed record CompletionsChoice(int Index, string? Text, CompletionsLogprobs? Logprobs, string? FinishReason);

/// <summary>The legacy completions logprobs: one entry per (echoed and generated) token; the first prompt token's is null.</summary>
internal sealed record CompletionsLogprobs(
    IReadOnlyList<string>? Tokens,
    IReadOnlyList<double?>? TokenLogprobs,
    IReadOnlyList<Dictionary<string, double>?>? TopLogprobs);

/// <summary>
/// llama.cpp server's native <c>POST /completion</c> for scoring: the top <c>n_probs</c> log-softmax of the next position.
/// <c>logit_bias</c> ([[id, bias]]) makes the one generated token a whole character (see <see cref="ServedWireMapping.NextToken"/>).
/// </summary>
internal sealed record LlamaScoreRequest(
    IReadOnlyList<int> Prompt,
    int NPredict,
    int NProbs,
    double Temperature,
    bool CachePrompt,
    bool PostSamplingProbs,
    IReadOnlyList<IReadOnlyList<double>>? LogitBias = null);

/// <summary>llama.cpp server's native <c>POST /completion</c> for generation.</summary>
internal sealed record LlamaGenerateRequest(
    string Prompt,
    int NPredict,
    double Temperature,
    double TopP,
    int TopK,
    double MinP,
    double RepeatPenalty,
    int RepeatLastN,
    double PresencePenalty,
    int Seed,
    IReadOnlyList<string>? Stop,
    bool CachePrompt);

internal sealed record LlamaCompletionResponse(string? Content, IReadOnlyList<LlamaTokenProbs>? CompletionProbabilities, int? TokensEvaluated);

internal sealed record LlamaTokenProbs(int Id, string? Token, double Logprob, IReadOnlyList<LlamaTopLogprob>? TopLogprobs);

internal sealed record LlamaTopLogprob(int Id, string? Token, double Logprob);

/// <summary>llama.cpp <c>POST /tokenize</c>.</summary>
internal sealed record LlamaTokenizeRequest(string Content, bool AddSpecial, bool ParseSpecial);

/// <summary>vLLM <c>POST /tokenize</c>.</summary>
internal sealed record OpenAiTokenizeRequest(string Model, string Prompt, bool AddSpecialTokens);

/// <summary>vLLM <c>POST /tokenize</c> of chat messages: the served model's own chat template, applied on the server.</summary>
/// <param name="ChatTemplateKwargs">The template arguments (vLLM and SGLang read chat_template_kwargs); null: not sent.</param>
internal sealed record OpenAiTokenizeChatRequest(string Model, IReadOnlyList<ApplyTemplateMessage> Messages, bool AddGenerationPrompt, bool AddSpecialTokens, IReadOnlyDictionary<string, bool>? ChatTemplateKwargs = null);

/// <summary>vLLM <c>POST /detokenize</c>.</summary>
internal sealed record OpenAiDetokenizeRequest(string Model, IReadOnlyList<int> Tokens);

/// <summary>vLLM <c>/detokenize</c> answers <c>{"prompt": text}</c>.</summary>
internal sealed record DetokenizeResponse(string? Prompt);

/// <summary>Both servers answer <c>{"tokens": [...]}</c> (vLLM adds count and max_model_len).</summary>
internal sealed record TokenizeResponse(IReadOnlyList<int>? Tokens);

/// <param name="ChatTemplateKwargs">The template arguments (llama-server reads chat_template_kwargs as vLLM does); null: not sent.</param>
internal sealed record ApplyTemplateRequest(IReadOnlyList<ApplyTemplateMessage> Messages, bool AddGenerationPrompt, IReadOnlyDictionary<string, bool>? ChatTemplateKwargs = null);

internal sealed record ApplyTemplateMessage(string Role, string Content);

internal sealed record ApplyTemplateResponse(string? Prompt);

/// <summary><c>GET /v1/models</c>: vLLM adds root and max_model_len, llama.cpp a meta object.</summary>
internal sealed record ModelsResponse(IReadOnlyList<ServedModelEntry>? Data);

internal sealed record ServedModelEntry(string Id, string? OwnedBy, string? Root, int? MaxModelLen, ServedModelMeta? Meta);

internal sealed record ServedModelMeta(long? NVocab, int? NCtx, int? NCtxTrain);

/// <summary>llama.cpp <c>GET /props</c>: only what identifies the engine and the model.</summary>
internal sealed record LlamaPropsResponse(string? BuildInfo, string? ModelPath, string? ModelAlias, LlamaGenerationSettings? DefaultGenerationSettings, int? TotalSlots, string? ChatTemplate);

internal sealed record LlamaGenerationSettings(int? NCtx);

/// <summary>vLLM and SGLang <c>GET /version</c>.</summary>
internal sealed record VersionResponse(string? Version);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CompletionsScoreRequest))]
[JsonSerializable(typeof(CompletionsGenerateRequest))]
[JsonSerializable(typeof(CompletionsResponse))]
[JsonSerializable(typeof(LlamaScoreRequest))]
[JsonSerializable(typeof(LlamaGenerateRequest))]
[JsonSerializable(typeof(LlamaCompletionResponse))]
[JsonSerializable(typeof(LlamaTokenizeRequest))]
[JsonSerializable(typeof(OpenAiTokenizeRequest))]
[JsonSerializable(typeof(TokenizeResponse))]
[JsonSerializable(typeof(OpenAiTokenizeChatRequest))]
[JsonSerializable(typeof(OpenAiDetokenizeRequest))]
[JsonSerializable(typeof(DetokenizeResponse))]
[JsonSerializable(typeof(ApplyTemplateRequest))]
[JsonSerializable(typeof(ApplyTemplateResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(LlamaPropsResponse))]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ServedJsonContext : JsonSerializerContext;
