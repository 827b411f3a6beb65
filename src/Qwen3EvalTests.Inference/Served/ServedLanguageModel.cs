using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>
/// <see cref="ILanguageModel"/> over an OpenAI-compatible server: vLLM or SGLang (scoring through <c>/v1/completions</c>
/// with <c>echo</c>), or llama.cpp's llama-server (scoring through <c>/completion</c> with <c>n_probs</c>, since it ignores
/// <c>echo</c>). Requests of one <see cref="Score"/> call run <see cref="ServedEngineOptions.Concurrency"/> at a time;
/// answers do not depend on it. Tokenization is the server's <c>/tokenize</c> when it has one, else the local model
/// folder's tokenizer; with both, they are checked against each other once at connect.
/// </summary>
public sealed partial class ServedLanguageModel : ILanguageModel
{
    /// <summary>Tokenized at connect by the server and by the local tokenizer: they must agree (<see cref="TokenizerProbe.Text"/>).</summary>
    private static string TokenizerProbeText => TokenizerProbe.Text;

    private readonly ServedHttpClient http;
    private readonly ServerFacts facts;
    private readonly IModelTokenizer? localTokenizer;
    private readonly bool serverTokenizes;
    private readonly int vocabSize;
    private readonly ConcurrentDictionary<string, IReadOnlyList<int>> encoded = new(StringComparer.Ordinal);
    private long prefilledTokens;
    private bool ownsLocalTokenizer;

    private ServedLanguageModel(ServedEngineOptions options, ServedHttpClient http, ServerFacts facts, IModelTokenizer? localTokenizer, bool serverTokenizes, ModelKind? declaredKind)
    {
        Options = options;
        this.http = http;
        this.facts = facts;
        this.localTokenizer = localTokenizer;
        this.serverTokenizes = serverTokenizes;
        Dialect = facts.Dialect;
        ServedModel = facts.ServedModel;
        EngineDescription = facts.EngineDescription;
        vocabSize = facts.VocabSize ?? localTokenizer?.Info.VocabSize ?? 0;
        Identity = new ModelIdentity(IdentityHash(http.Endpoint, facts), "server");
        var name = ShortName(facts.ServedModel);
        var (kind, source) = declaredKind is { } declared ? (declared, ModelKindSource.Declared)
            : localTokenizer is not null ? (localTokenizer.Info.Kind, localTokenizer.Info.KindSource)
            : ModelKinds.Resolve(null, name, configSamples: false);
        var contextLength = facts.ContextLength ?? localTokenizer?.Info.ContextLength ?? int.MaxValue / 2;
        var hasTemplate = localTokenizer?.Info.HasChatTemplate ?? facts.HasChatTemplate;
        Info = new ModelInfo(name, null, kind, contextLength, vocabSize, hasTemplate, "server", source);
    }

    public ModelInfo Info { get; }

    public GenerationSupport Generation => GenerationSupport.Served;

    public ServedEngineOptions Options { get; }

    public ServedDialect Dialect { get; }

    /// <summary>The <c>model</c> field sent with each request.</summary>
    public string ServedModel { get; }

    /// <summary>The engine as run manifests record it, e.g. "llama.cpp server b1-de3ff81 (/completion n_probs), model tiny [model_path=…;n_ctx=2048;build_info=b1-de3ff81;]":
    /// the server's version and the facts it reports about its model, so they are part of the run identity.</summary>
    public string EngineDescription { get; }

    /// <summary>
    /// What the request cache keys on: the endpoint, the served model name and what the server says about its model
    /// (id, root, context length, vocabulary, model path, build or version), hashed. Never the API key.
    /// </summary>
    public ModelIdentity Identity { get; }

    /// <summary>ForwardCalls counts HTTP requests (retries included); PrefilledTokens the prompt tokens sent; ForwardTime the time inside requests.</summary>
    public InferenceCounters Counters
    {
        get
        {
            var (requests, _, elapsed) = http.Counters;
            return new InferenceCounters(Interlocked.Read(ref prefilledTokens), requests, 0, elapsed);
        }
    }

    /// <summary>Retries so far (429, 5xx, timeouts, lost connections).</summary>
    public long Retries => http.Counters.Retries;

    /// <summary>
    /// Connects to the server: detects the dialect (llama.cpp answers /props with build_info), reads the served model,
    /// context length and version, and settles the tokenizer. <paramref name="localTokenizer"/> (the model folder's, from
    /// --model) is used when the server has no /tokenize, and is checked against it when it has; with <paramref name="ownsLocalTokenizer"/>
    /// it is disposed with this model (also when connecting fails).
    /// </summary>
    /// <exception cref="EvalInputException">No model name can be found, or no tokenizer, or the two tokenizers disagree.</exception>
    /// <exception cref="EngineFaultException">The server does not answer.</exception>
    public static ServedLanguageModel Connect(ServedEngineOptions options, IModelTokenizer? localTokenizer = null, ModelKind? declaredKind = null, bool ownsLocalTokenizer = false, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new ServedHttpClient(options, handler);
        try
        {
            var facts = Sync(() => ServerFacts.ReadAsync(http, options, cancellationToken));
            var serverTokens = Sync(() => ServerEncodeAsync(http, facts, TokenizerProbeText, optional: true, cancellationToken));
            if (serverTokens is null && localTokenizer is null)
            {
                throw new EvalInputException(
                    $"the server at {http.Endpoint} has no /tokenize endpoint, so prompts cannot be turned into the token ids it scores; pass --model DIR with the served model's tokenizer files.",
                    field: "--model");
            }

            if (serverTokens is not null && localTokenizer is not null)
            {
                var local = localTokenizer.Encode(TokenizerProbeText);
                if (!local.SequenceEqual(serverTokens))
                {
                    throw new EvalInputException(
                        $"the server at {http.Endpoint} tokenizes differently from the model folder's tokenizer ({localTokenizer.Info.Folder}): "
                        + $"'{TokenizerProbeText.ReplaceLineEndings("\\n")}' is [{string.Join(',', serverTokens)}] on the server and [{string.Join(',', local)}] locally; pass --model with the served model's own folder, or leave --model out to use the server's tokenizer.",
                        localTokenizer.Info.Folder,
                        field: "--model");
                }
            }

            return new ServedLanguageModel(options, http, facts, localTokenizer, serverTokens is not null, declaredKind) { ownsLocalTokenizer = ownsLocalTokenizer };
        }
        catch
        {
            http.Dispose();
            if (ownsLocalTokenizer)
            {
                localTokenizer?.Dispose();
            }

            throw;
        }
    }

    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encoded.TryGetValue(text, out var cached) ? cached : Sync(() => EncodeAsync(text, CancellationToken.None));
    }

    private async Task<IReadOnlyList<int>> EncodeAsync(string text, CancellationToken cancellationToken)
    {
        if (encoded.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var tokens = serverTokenizes
            ? (await ServerEncodeAsync(http, facts, text, optional: false, cancellationToken).ConfigureAwait(false))!
            : localTokenizer!.Encode(text);
        encoded.TryAdd(text, tokens);
        return tokens;
    }

    /// <summary>The server's tokens for <paramref name="text"/>, special tokens parsed and none added; null when it has no /tokenize and <paramref name="optional"/>.</summary>
    private static async Task<IReadOnlyList<int>?> ServerEncodeAsync(ServedHttpClient http, ServerFacts facts, string text, bool optional, CancellationToken cancellationToken)
    {
        TokenizeResponse? response = facts.Dialect == ServedDialect.LlamaCpp
            ? await http.PostOptionalAsync("tokenize", new LlamaTokenizeRequest(text, AddSpecial: false, ParseSpecial: true), ServedJsonContext.Default.LlamaTokenizeRequest, ServedJsonContext.Default.TokenizeResponse, "tokenizing", cancellationToken).ConfigureAwait(false)
            : await http.PostOptionalAsync("tokenize", new OpenAiTokenizeRequest(facts.ServedModel, text, AddSpecialTokens: false), ServedJsonContext.Default.OpenAiTokenizeRequest, ServedJsonContext.Default.TokenizeResponse, "tokenizing", cancellationToken).ConfigureAwait(false);
        if (response?.Tokens is { } tokens)
        {
            return tokens;
        }

        return optional ? null : throw new EngineFaultException(http.Endpoint + "/tokenize", "tokenizing", null, "the server's /tokenize answered no tokens", "that the server still serves /tokenize");
    }

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(settings);
        var text = Sync(async () =>
        {
            if (Dialect == ServedDialect.LlamaCpp)
            {
                var answer = await http.PostAsync("completion", ServedWireMapping.GenerateLlama(prompt, settings), ServedJsonContext.Default.LlamaGenerateRequest, ServedJsonContext.Default.LlamaCompletionResponse, "generation", null, cancellationToken).ConfigureAwait(false);
                return answer.Content ?? "";
            }

            var response = await http.PostAsync("v1/completions", ServedWireMapping.Generate(ServedModel, prompt, settings), ServedJsonContext.Default.CompletionsGenerateRequest, ServedJsonContext.Default.CompletionsResponse, "generation", null, cancellationToken).ConfigureAwait(false);
            return response.Choices?.OrderBy(c => c.Index).FirstOrDefault()?.Text ?? "";
        });

        // Servers cut at their stop strings already; cutting again keeps the GenAI backend's rule for a server that does not.
        return settings.FirstStopIn(text) is { } cut ? text[..cut] : text;
    }

    /// <summary>
    /// Renders with the served model's template (or the local folder's): template arguments go in the request body as
    /// <c>chat_template_kwargs</c>, which vLLM, SGLang and llama-server pass to the template; none are sent when there are none.
    /// </summary>
    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (localTokenizer is not null)
        {
            return localTokenizer.ApplyChatTemplate(messages, addGenerationPrompt, arguments);
        }

        var kwargs = arguments is null || arguments.IsEmpty ? null : arguments.Kwargs;

        if (Dialect == ServedDialect.LlamaCpp)
        {
            var request = new ApplyTemplateRequest(messages.Select(m => new ApplyTemplateMessage(m.Role, m.Content)).ToArray(), addGenerationPrompt, kwargs);
            var response = Sync(() => http.PostAsync("apply-template", request, ServedJsonContext.Default.ApplyTemplateRequest, ServedJsonContext.Default.ApplyTemplateResponse, "the chat template", null, CancellationToken.None));
            return response.Prompt ?? throw new EngineFaultException(http.Endpoint + "/apply-template", "the chat template", null, "the answer has no prompt", "that the served model has a chat template");
        }

        // vLLM renders the served model's template through /tokenize with messages; /detokenize gives the text back.
        var turns = messages.Select(m => new ApplyTemplateMessage(m.Role, m.Content)).ToArray();
        var rendered = Sync(async () =>
        {
            var tokens = await http.PostOptionalAsync("tokenize", new OpenAiTokenizeChatRequest(ServedModel, turns, addGenerationPrompt, AddSpecialTokens: false, kwargs), ServedJsonContext.Default.OpenAiTokenizeChatRequest, ServedJsonContext.Default.TokenizeResponse, "the chat template", CancellationToken.None).ConfigureAwait(false);
            if (tokens?.Tokens is not { } ids)
            {
                return null;
            }

            var text = await http.PostOptionalAsync("detokenize", new OpenAiDetokenizeRequest(ServedModel, ids), ServedJsonContext.Default.OpenAiDetokenizeRequest, ServedJsonContext.Default.DetokenizeResponse, "the chat template", CancellationToken.None).ConfigureAwait(false);
            return text?.Prompt;
        });
        return rendered ?? throw new EvalInputException(
            $"the server at {http.Endpoint} renders no chat template as text (it has no /tokenize with messages and /detokenize, as vLLM has); pass --model DIR with the served model's tokenizer files to render chat prompts here.",
            field: "--model");
    }

    public void Dispose()
    {
        http.Dispose();
        if (ownsLocalTokenizer)
        {
            localTokenizer?.Dispose();
        }
    }

    /// <summary>Runs async HTTP work from the synchronous model seam, off any synchronization context.</summary>
    private static T Sync<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>"Qwen/Qwen2-72B-Instruct" → "Qwen2-72B-Instruct"; "/models/tiny.gguf" → "tiny": a folder name for results.</summary>
    internal static string ShortName(string servedModel)
    {
        var name = servedModel.Replace('\\', '/').TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^5];
        }

        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(c => invalid.Contains(c) || c == ':' ? '_' : c).ToArray());
        return name.Length == 0 ? "served-model" : name;
    }

    private static string IdentityHash(string endpoint, ServerFacts facts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"endpoint={endpoint}\nservedModel={facts.ServedModel}\nserverModel={facts.ModelIdentity}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
