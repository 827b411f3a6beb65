using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Provenance;

namespace Qwen3EvalTests.Inference.LlamaCpp;

/// <summary>
/// <see cref="ILanguageModel"/> over llama.cpp in process (LLamaSharp 0.30.0), reading the model folder's model.gguf.
/// Token ids are the harness's own: the folder's tokenizer (through ONNX Runtime GenAI, as the genai engine tokenizes)
/// encodes, and llama.cpp only decodes them; the two tokenizers are checked against each other once at load. Scores come
/// from raw logits (log-softmax here, in double precision) with the KV cache of the longest shared prefix kept
/// (<c>MemorySequenceRemove</c> drops the rest). Not thread-safe: one call at a time, like the GenAI backend.
/// </summary>
public sealed partial class LlamaCppLanguageModel : ILanguageModel
{
    public const string GgufFileName = "model.gguf";

    /// <summary>The KV cache holds at most this many tokens (an F32 cache of a real model's full 32k–40k context is ~10 GB).</summary>
    public const int MaxContextSize = 8192;

    /// <summary>Tokens per decode call (n_batch); longer prompts are decoded in several calls.</summary>
    public const int MaxBatchSize = 2048;

    private readonly IModelTokenizer tokenizer;
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly int batchSize;
    private readonly int[] eosTokenIds;
    private readonly int bosTokenId;
    private long prefilledTokens;
    private long forwardCalls;
    private long reusedTokens;
    private TimeSpan forwardTime;
    private bool disposed;

    private LlamaCppLanguageModel(string ggufPath, IModelTokenizer tokenizer, LLamaWeights weights, LLamaContext context, LlamaCppEngineSettings settings, int batchSize, GenAiModelFolder folder)
    {
        GgufPath = ggufPath;
        this.tokenizer = tokenizer;
        this.weights = weights;
        this.context = context;
        this.batchSize = batchSize;
        eosTokenIds = [.. folder.EosTokenIds];
        bosTokenId = folder.BosTokenId;
        Settings = settings;
        var info = tokenizer.Info;
        Info = info with { ContextLength = settings.ContextSize, ExecutionProvider = "cpu" };
        Identity = new ModelIdentity(ModelFolderIdentity.Of(info.Folder!, "cpu").ModelHash, settings.IdentityText);
        EngineDescription = settings.Describe();
    }

    public ModelInfo Info { get; }

    public string GgufPath { get; }

    /// <summary>The pinned llama.cpp settings (flash attention, KV cache type, context and batch sizes, threads).</summary>
    public LlamaCppEngineSettings Settings { get; }

    /// <summary>The engine as run manifests record it, settings included (<see cref="LlamaCppEngineSettings.Describe"/>).</summary>
    public string EngineDescription { get; }

    /// <summary>What the request cache keys on: the folder's files and the engine settings that change numbers, so genai and llamacpp answers never mix.</summary>
    public ModelIdentity Identity { get; }

    /// <summary>The llamacpp engine samples with temperature and seed only; top-p, top-k, min-p and the penalties are refused before a run starts.</summary>
    public static GenerationSupport Supported { get; } = new("llamacpp", TopP: false, TopK: false, MinP: false, RepetitionPenalty: false, PresencePenalty: false);

    public GenerationSupport Generation => Supported;

    public InferenceCounters Counters => new(prefilledTokens, forwardCalls, reusedTokens, forwardTime);

    /// <summary>
    /// Loads <paramref name="modelFolder"/>'s model.gguf with flash attention off and an F32 KV cache; prompts are tokenized and
    /// chat templates rendered by the folder's tokenizer, which <paramref name="openTokenizer"/> opens (once the GGUF is found)
    /// and this model owns from then on.
    /// </summary>
    /// <exception cref="EvalInputException">No model.gguf, a GGUF llama.cpp cannot load, or a GGUF whose vocabulary or tokenizer differs from the folder's.</exception>
    public static LlamaCppLanguageModel Load(string modelFolder, Func<string, IModelTokenizer> openTokenizer)
    {
        ArgumentNullException.ThrowIfNull(modelFolder);
        ArgumentNullException.ThrowIfNull(openTokenizer);
        var ggufPath = GgufPathOf(modelFolder);
        if (Directory.Exists(modelFolder) && !File.Exists(ggufPath))
        {
            throw new EvalInputException(
                $"the llamacpp engine reads {GgufFileName} from the model folder, and there is none: convert the checkpoint with llama.cpp's convert_hf_to_gguf.py (--outtype f32 for parity with the ONNX export) into {ggufPath}, or generate a tiny model with 'qwen3eval tiny-model' (planted tiny models have no GGUF: llama.cpp's qwen3 has no output bias to plant an answer with).",
                ggufPath,
                field: "--model");
        }

        var tokenizer = openTokenizer(modelFolder);
        LLamaWeights? weights = null;
        LLamaContext? context = null;
        try
        {
            LlamaCppRuntime.EnsureInitialized();
            var contextSize = Math.Min(tokenizer.Info.ContextLength, MaxContextSize);
            var batch = Math.Min(contextSize, MaxBatchSize);
            var parameters = new ModelParams(ggufPath)
            {
                ContextSize = (uint)contextSize,
                BatchSize = (uint)batch,
                UBatchSize = (uint)batch,
                SeqMax = 1,
                GpuLayerCount = 0,
                // Every core, as ONNX Runtime's intra-op pool uses them (LLamaSharp's default here was 1 thread).
                Threads = Environment.ProcessorCount,
                BatchThreads = Environment.ProcessorCount,
                FlashAttention = false,
                TypeK = GGMLType.GGML_TYPE_F32,
                TypeV = GGMLType.GGML_TYPE_F32,
            };
            weights = LLamaWeights.LoadFromFile(parameters);
            context = weights.CreateContext(parameters);
            CheckVocabulary(ggufPath, tokenizer, weights, context);
            var settings = new LlamaCppEngineSettings(contextSize, batch, FlashAttention: false, GGMLType.GGML_TYPE_F32, context.NativeHandle.GenerationThreads);
            return new LlamaCppLanguageModel(ggufPath, tokenizer, weights, context, settings, batch, GenAiModelFolder.Open(tokenizer.Info.Folder!));
        }
        catch (RuntimeError e)
        {
            context?.Dispose();
            weights?.Dispose();
            tokenizer.Dispose();
            throw new EvalInputException($"llama.cpp cannot load {ggufPath}: {e.Message} {LlamaCppRuntime.LastErrors()}".TrimEnd(), ggufPath, inner: e);
        }
        catch
        {
            context?.Dispose();
            weights?.Dispose();
            tokenizer.Dispose();
            throw;
        }
    }

    /// <summary>The folder's model.gguf, resolved inside the folder (<see cref="ModelFolderSandbox"/>: a link out of it is refused).</summary>
    /// <exception cref="EvalInputException">model.gguf is a symlink that leaves the folder or loops.</exception>
    public static string GgufPathOf(string modelFolder)
    {
        var shown = Path.Combine(Path.GetFullPath(modelFolder), GgufFileName);
        return Directory.Exists(modelFolder) ? ModelFolderSandbox.Open(modelFolder).Resolve(GgufFileName, shown, field: null) : shown;
    }

    /// <summary>The GGUF must have the folder's vocabulary size, and llama.cpp must tokenize as the folder's tokenizer does.</summary>
    private static void CheckVocabulary(string ggufPath, IModelTokenizer tokenizer, LLamaWeights weights, LLamaContext context)
    {
        if (weights.Vocab.Count != tokenizer.Info.VocabSize)
        {
            throw new EvalInputException(
                $"{ggufPath} has a vocabulary of {weights.Vocab.Count} tokens and the folder's genai_config.json {tokenizer.Info.VocabSize}: the GGUF was not converted from this model.",
                ggufPath,
                field: "tokenizer.ggml.tokens");
        }

        var probe = TokenizerProbe.Text;
        var local = tokenizer.Encode(probe);
        var llama = context.Tokenize(probe, addBos: false, special: true).Select(t => (int)t).ToArray();
        if (!local.SequenceEqual(llama))
        {
            throw new EvalInputException(
                $"{ggufPath} tokenizes differently from the model folder's tokenizer: '{probe.ReplaceLineEndings("\\n")}' is [{string.Join(',', llama)}] in llama.cpp and [{string.Join(',', local)}] in the folder; convert the GGUF from this folder's checkpoint.",
                ggufPath,
                field: "tokenizer.ggml.tokens");
        }
    }

    public IReadOnlyList<int> Encode(string text)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return tokenizer.Encode(text);
    }

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return tokenizer.ApplyChatTemplate(messages, addGenerationPrompt, arguments);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        lastRow.Dispose();
        context.Dispose();
        weights.Dispose();
        tokenizer.Dispose();
    }

    /// <summary>
    /// Decodes <paramref name="tokens"/> at positions from <paramref name="start"/> in calls of at most n_batch tokens, and hands
    /// <paramref name="onRow"/> the raw logits of every position (<paramref name="everyRow"/>) or of the last; row i predicts the token after tokens[i].
    /// </summary>
    private void Decode(IReadOnlyList<int> tokens, int start, bool everyRow, string operation, RowAction onRow)
    {
        var batch = new LLamaBatch();
        for (var offset = 0; offset < tokens.Count; offset += batchSize)
        {
            var count = Math.Min(batchSize, tokens.Count - offset);
            batch.Clear();
            for (var i = 0; i < count; i++)
            {
                var index = offset + i;
                batch.Add(tokens[index], start + index, LLamaSeqId.Zero, logits: everyRow || index == tokens.Count - 1);
            }

            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var result = context.NativeHandle.Decode(batch);
            forwardTime += stopwatch.Elapsed;
            forwardCalls++;
            prefilledTokens += count;
            if (result != DecodeResult.Ok)
            {
                throw new EngineFaultException(
                    GgufPath,
                    operation,
                    start + offset + count,
                    $"llama_decode returned {result} ({(int)result}) {LlamaCppRuntime.LastErrors()}".TrimEnd(),
                    $"the context size n_ctx {Settings.ContextSize} against the prompt's tokens");
            }

            for (var i = 0; i < count; i++)
            {
                var index = offset + i;
                if (everyRow || index == tokens.Count - 1)
                {
                    onRow(index, context.NativeHandle.GetLogitsIth(i));
                }
            }
        }
    }

    /// <summary>Drops every KV cache position from <paramref name="position"/> on.</summary>
    private void Truncate(int position) => context.NativeHandle.MemorySequenceRemove(LLamaSeqId.Zero, position, -1);

    private delegate void RowAction(int row, ReadOnlySpan<float> logits);
}
