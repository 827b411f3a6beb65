using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Provenance;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// <see cref="ILanguageModel"/> over ONNX Runtime GenAI. The caller owns the instance (load once, share, dispose);
/// it is not thread-safe: one scoring or generation call at a time.
/// </summary>
public sealed partial class GenAiLanguageModel : ILanguageModel, IModelTokenizer
{
    private readonly GenAiModelFolder folder;
    private readonly GenAiModelOptions options;
    private readonly Config config;
    private readonly Model model;
    private readonly Tokenizer tokenizer;
    private readonly int[] eosTokenIds;

    /// <summary>Encodes a subject's shared few-shot prefix once (the same ids as encoding each prompt whole).</summary>
    private readonly PrefixReusingEncoder prefixEncoder;
    private readonly Lazy<ModelIdentity> identity;

    /// <summary>Held while the tokenizer's chat_template_kwargs option is set and a template rendered with it.</summary>
    private readonly Lock templateLock = new();
    private long prefilledTokens;
    private long forwardCalls;
    private long reusedTokens;
    private TimeSpan forwardTime;
    private bool disposed;

    private GenAiLanguageModel(GenAiModelFolder folder, GenAiModelOptions options, Config config, Model model, Tokenizer tokenizer)
    {
        this.folder = folder;
        this.options = options;
        this.config = config;
        this.model = model;
        this.tokenizer = tokenizer;
        eosTokenIds = tokenizer.GetEosTokenIds().ToArray();
        prefixEncoder = new PrefixReusingEncoder(EncodeWhole);
        var (kind, source) = options.DeclaredKind is { } declared ? (declared, ModelKindSource.Declared) : (folder.Kind, folder.KindSource);
        Info = new ModelInfo(folder.Name, folder.Folder, kind, folder.ContextLength, folder.VocabSize, folder.ChatTemplate is not null, options.ExecutionProvider, source);
        identity = new Lazy<ModelIdentity>(() => ModelFolderIdentity.Of(folder.Folder, options.ExecutionProvider));
    }

    public ModelInfo Info { get; }

    public GenerationSupport Generation => GenerationSupport.GenAi;

    /// <summary>How ONNX Runtime's intra-op threads run this model (<see cref="GenAI.IntraOpThreading"/>).</summary>
    public IntraOpThreading Threading { get; private init; } = new(1, false);

    public InferenceCounters Counters => new(prefilledTokens, forwardCalls, reusedTokens, forwardTime);

    /// <summary>Validates <paramref name="modelFolder"/> (see <see cref="GenAiModelFolder.Open"/>) and loads it.</summary>
    public static GenAiLanguageModel Load(string modelFolder, GenAiModelOptions? options = null)
    {
        options ??= GenAiModelOptions.Default;
        if (options.ExecutionProvider is not ("cpu" or "cuda"))
        {
            throw new EvalInputException($"execution provider '{options.ExecutionProvider}' is not supported; use cpu or cuda.", field: "ExecutionProvider");
        }

        if (options.BatchSize < 1)
        {
            throw new EvalInputException($"batch size {options.BatchSize} must be at least 1.", field: "BatchSize");
        }

        if (options.IntraOpThreads is < 1)
        {
            throw new EvalInputException($"intra-op thread count {options.IntraOpThreads} must be at least 1.", field: "IntraOpThreads");
        }

        var folder = GenAiModelFolder.Open(modelFolder, options.ExecutionProvider);
        var threading = IntraOpThreading.Resolve(options.IntraOpThreads, folder.ConfigPath);
        OgaRuntime.EnsureInitialized();
        Config? config = null;
        Model? model = null;
        try
        {
            config = new Config(folder.Folder);
            config.Overlay(threading.Overlay());
            config.ClearProviders();
            if (options.ExecutionProvider == "cuda")
            {
                config.AppendProvider("cuda");
            }

            model = new Model(config);
            var tokenizer = new Tokenizer(model);
            return new GenAiLanguageModel(folder, options, config, model, tokenizer) { Threading = threading };
        }
        catch (OnnxRuntimeGenAIException e)
        {
            model?.Dispose();
            config?.Dispose();
            throw new EvalInputException($"ONNX Runtime GenAI cannot load the model folder {folder.Folder}: {e.Message}", folder.Folder, inner: e);
        }
    }

    private IReadOnlyList<int> EncodeUnguarded(string text)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return prefixEncoder.Encode(text);
    }

    /// <summary>Texts encoded from a kept prefix plus their remainder so far.</summary>
    internal long PrefixReusedEncodings => prefixEncoder.ReusedEncodings;

    /// <summary>The tokenizer's ids for the whole text, with no prefix reuse (what <see cref="Encode"/> must equal).</summary>
    internal int[] EncodeWhole(string text)
    {
        using var sequences = tokenizer.Encode(text);
        return sequences[0].ToArray();
    }

    private string DecodeUnguarded(IReadOnlyList<int> tokens) => tokenizer.Decode(tokens.ToArray());

    /// <summary>
    /// Renders with the model's template; the arguments reach it as GenAI's tokenizer option chat_template_kwargs, set on
    /// every call (<c>{}</c> when there are none, so an earlier call's arguments never linger) and under one lock with the
    /// render, as the option is the tokenizer's state and templates may be rendered on two threads.
    /// </summary>
    private string ApplyChatTemplateUnguarded(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments arguments)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (folder.ChatTemplate is null)
        {
            throw new EvalInputException(
                $"model '{folder.Name}' has no chat template (neither chat_template.jinja nor a chat_template in tokenizer_config.json), so it cannot be prompted with chat messages; use a completion protocol (few-shot log-likelihood or plain completion prompts) for base models.",
                Path.Combine(folder.Folder, "tokenizer_config.json"),
                field: "chat_template");
        }

        var messagesJson = JsonSerializer.Serialize(messages.Select(turn => new ChatMessageJson(turn.Role, turn.Content)).ToArray(), ChatMessageJsonContext.Default.ChatMessageJsonArray);
        lock (templateLock)
        {
            tokenizer.UpdateOptions(new Dictionary<string, string> { ["chat_template_kwargs"] = arguments.ToJson() });
            return tokenizer.ApplyChatTemplate("", messagesJson, "", addGenerationPrompt);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        scoringCache?.Dispose();
        generationCache?.Dispose();
        tokenizer.Dispose();
        model.Dispose();
        config.Dispose();
    }

    /// <summary>Runs one AppendTokens on <paramref name="generator"/>, counting it.</summary>
    private void Forward(Generator generator, ReadOnlySpan<int> tokens, long countedTokens, bool readsEveryRow = false)
    {
        var held = (int)generator.TokenCount();
        prefillLog?.Invoke(new PrefillRecord(held, tokens.ToArray(), readsEveryRow));
        TrackEngineCall(held, tokens.Length);
        var stopwatch = Stopwatch.StartNew();
        generator.AppendTokens(tokens);
        forwardTime += stopwatch.Elapsed;
        forwardCalls++;
        prefilledTokens += countedTokens;
    }

    /// <summary>
    /// Reads the next-token logits only ([1, 1, vocab] float32, see <see cref="NextTokenLogits"/>) instead of every appended
    /// position; false makes every read copy the full tensor, so tests can compare the two routes.
    /// </summary>
    internal bool ReadsNextTokenRowNatively { get; set; } = true;

    /// <summary>
    /// Fetches the next-token logits of the last forward call ([batch, 1, vocab] float32): one row per batch row, taken by
    /// GenAI at the row's last token that is not the pad id. Counted as forward time, like <see cref="ReadLogits"/>.
    /// </summary>
    private LogitsTensor ReadNextTokenLogits(Generator generator)
    {
        var stopwatch = Stopwatch.StartNew();
        var logits = new LogitsTensor(NextTokenLogits.Read(generator), folder.VocabSize);
        forwardTime += stopwatch.Elapsed;
        return logits;
    }

    /// <summary>
    /// Fetches the logits of the last forward call. GenAI materialises the full [batch, tokens, vocab] tensor here,
    /// which is engine work (tens of MB per call with a 151,936-token vocabulary), so it counts as forward time.
    /// </summary>
    private LogitsTensor ReadLogits(Generator generator)
    {
        var stopwatch = Stopwatch.StartNew();
        var logits = new LogitsTensor(generator.GetOutput("logits"), folder.VocabSize);
        forwardTime += stopwatch.Elapsed;
        return logits;
    }
}
