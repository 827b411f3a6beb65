using System.Text.Json;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>A model folder checked before loading: every file GenAI needs, and the config's numbers against the graph.</summary>
/// <param name="Folder">The folder's full path.</param>
/// <param name="ModelPath">The ONNX file genai_config.json names.</param>
/// <param name="VocabSize">genai_config.json's vocab_size (equal to the graph's logits dimension).</param>
/// <param name="ContextLength">genai_config.json's context_length.</param>
/// <param name="PadTokenId">genai_config.json's pad_token_id.</param>
/// <param name="BosTokenId">genai_config.json's bos_token_id.</param>
/// <param name="ChatTemplate">The chat template from chat_template.jinja or tokenizer_config.json's chat_template, or null.</param>
/// <param name="Kind">The kind the folder suggests when none is declared (<see cref="ModelKinds.Resolve"/>: name, then sampling defaults; a chat template never decides).</param>
/// <param name="KindSource">What suggested <see cref="Kind"/>.</param>
/// <param name="ChatTemplateSource">Which file <paramref name="ChatTemplate"/> came from.</param>
/// <param name="Graph">What the ONNX graph is (operators, logits type and shape, KV inputs).</param>
/// <param name="Search">genai_config.json's search defaults the harness overrides or depends on.</param>
/// <param name="EosTokenIds">genai_config.json's eos_token_id (a number or a list).</param>
public sealed record GenAiModelFolder(
    string Folder,
    string ModelPath,
    int VocabSize,
    int ContextLength,
    int PadTokenId,
    int BosTokenId,
    string? ChatTemplate,
    ModelKind Kind,
    ModelKindSource KindSource,
    ChatTemplateSource ChatTemplateSource,
    OnnxGraphSummary Graph,
    GenAiSearchDefaults Search,
    IReadOnlyList<int> EosTokenIds)
{
    public const string ConfigFileName = "genai_config.json";

    public const string ChatTemplateFileName = "chat_template.jinja";

    public string Name => Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar));

    public string ConfigPath => Path.Combine(Folder, ConfigFileName);

    /// <summary>
    /// Checks <paramref name="folder"/> and reads what loading needs; the first problem that would stop a run is an
    /// <see cref="EvalInputException"/> naming the file and the fix (<c>qwen3eval model inspect</c> lists all of them).
    /// </summary>
    /// <param name="folder">The model folder.</param>
    /// <param name="executionProvider">"cpu" or "cuda": a CUDA export does not run on the CPU provider.</param>
    public static GenAiModelFolder Open(string folder, string executionProvider = "cpu")
    {
        var (opened, problems) = Examine(folder, executionProvider);
        if (problems.FirstOrDefault(problem => problem.IsError) is { } error)
        {
            throw error.ToException();
        }

        return opened;
    }

    /// <summary>
    /// Reads the folder and lists every problem with its fix, errors and notes, without stopping at the first. Throws
    /// <see cref="EvalInputException"/> only when there is nothing to read: no folder, no genai_config.json or an unreadable
    /// one, no ONNX file or a corrupt one.
    /// </summary>
    public static (GenAiModelFolder Folder, IReadOnlyList<ModelFolderProblem> Problems) Examine(string folder, string executionProvider = "cpu")
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new EvalInputException("the model folder does not exist; check the path, or generate a test model with 'qwen3eval tiny-model --out DIR'.", full);
        }

        var configPath = Path.Combine(full, ConfigFileName);
        if (!File.Exists(configPath))
        {
            throw new EvalInputException($"the model folder has no {ConfigFileName}; export the model with onnxruntime-genai's model builder (python -m onnxruntime_genai.models.builder) into this folder.", full);
        }

        var problems = new List<ModelFolderProblem>();
        foreach (var tokenizerFile in new[] { "tokenizer.json", "tokenizer_config.json" })
        {
            if (!File.Exists(Path.Combine(full, tokenizerFile)))
            {
                problems.Add(ModelFolderProblem.Error($"the model folder has no {tokenizerFile}", "copy tokenizer.json and tokenizer_config.json from the Hugging Face model into it.", full));
            }
        }

        var config = ReadConfig(configPath);
        var modelPath = Path.Combine(full, config.DecoderFileName);
        if (!File.Exists(modelPath))
        {
            throw new EvalInputException($"the ONNX file '{config.DecoderFileName}' named by genai_config.json (model.decoder.filename) is missing from the model folder {full}.", configPath, field: "model.decoder.filename");
        }

        var graph = OnnxGraphSummary.Read(modelPath);
        if (graph.LogitsVocabSize is { } logitsSize && logitsSize != config.VocabSize)
        {
            problems.Add(ModelFolderProblem.Error(
                $"vocab_size is {config.VocabSize} but the graph {modelPath} produces logits of size {logitsSize}",
                $"set model.vocab_size to {logitsSize} in the model folder {full}.",
                configPath,
                "model.vocab_size"));
        }

        if (File.Exists(Path.Combine(full, TokenizerConsistency.TokenizerFileName)))
        {
            try
            {
                TokenizerConsistency.Check(full, configPath, config.VocabSize);
            }
            catch (EvalInputException e)
            {
                problems.Add(ModelFolderProblem.From(e));
            }
        }

        problems.AddRange(RunnableProblems(graph, config, configPath, modelPath, executionProvider));
        if (config.EosTokenIds.Length == 0)
        {
            problems.Add(ModelFolderProblem.Error(
                "genai_config.json has no model.eos_token_id, so generation would never stop at the end of an answer",
                "set it to the checkpoint's eos ids (Qwen3: [151645, 151643]).",
                configPath,
                "model.eos_token_id"));
        }

        var tokenizerConfigPath = Path.Combine(full, "tokenizer_config.json");
        var configTemplate = File.Exists(tokenizerConfigPath) ? ReadChatTemplate(tokenizerConfigPath) : null;
        var jinjaPath = Path.Combine(full, ChatTemplateFileName);
        var jinjaTemplate = File.Exists(jinjaPath) ? File.ReadAllText(jinjaPath) : null;
        var (chatTemplate, source) = jinjaTemplate is not null ? (jinjaTemplate, ChatTemplateSource.ChatTemplateJinja)
            : configTemplate is not null ? (configTemplate, ChatTemplateSource.TokenizerConfig)
            : ((string?)null, ChatTemplateSource.None);
        var (kind, kindSource) = ModelKinds.Resolve(declared: null, Path.GetFileName(full), config.Search.DoSample);
        var opened = new GenAiModelFolder(full, modelPath, config.VocabSize, config.ContextLength, config.PadTokenId, config.BosTokenId, chatTemplate, kind, kindSource, source, graph, config.Search, config.EosTokenIds);
        return (opened, problems);
    }

    /// <summary>Graph/config combinations GenAI loads but runs wrongly or fails on at the first token, named before loading.</summary>
    private static IEnumerable<ModelFolderProblem> RunnableProblems(OnnxGraphSummary graph, GenAiConfigFile config, string configPath, string modelPath, string executionProvider)
    {
        if (graph.LogitsElementType is not null && graph.LogitsTypeName is not ("float32" or "float16"))
        {
            yield return ModelFolderProblem.Error(
                $"the graph's logits are {graph.LogitsTypeName}; the harness reads float32 or float16 logits",
                "re-export with the GenAI model builder (-p int4 -e cpu, or -p fp16 / -p int4 -e cuda).",
                modelPath);
        }

        var sharedBufferAttention = graph.Count(OnnxGraphSummary.GroupQueryAttention) + graph.Count("com.microsoft::PagedAttention") > 0;
        if (config.Search.SharesKvBuffer && !sharedBufferAttention)
        {
            yield return ModelFolderProblem.Error(
                "search.past_present_share_buffer is true but the graph has no GroupQueryAttention: it builds present.* by concatenating past and new keys, which a shared static buffer breaks at the first token",
                "Set search.past_present_share_buffer to false.",
                configPath,
                "search.past_present_share_buffer");
        }

        if (executionProvider == "cpu" && graph.FusedQkNormInAttention)
        {
            yield return ModelFolderProblem.Error(
                "this is a CUDA export (GroupQueryAttention takes the q/k-norm weights, which the CPU provider rejects at the first token)",
                "re-export for CPU with 'python -m onnxruntime_genai.models.builder -p int4 -e cpu', or run it on a GPU (build with -p:EvalDevice=cuda, run with --device cuda).",
                modelPath);
        }

        foreach (var dataFile in graph.ExternalDataFiles)
        {
            var dataPath = Path.Combine(Path.GetDirectoryName(modelPath)!, dataFile);
            if (!File.Exists(dataPath))
            {
                yield return ModelFolderProblem.Error(
                    $"the graph keeps its weights in {dataFile}, which is missing",
                    $"copy {dataFile} from the export next to {Path.GetFileName(modelPath)}.",
                    dataPath);
            }
        }
    }

    private static GenAiConfigFile ReadConfig(string configPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configPath));
            var model = document.RootElement.GetProperty("model");
            var decoder = model.GetProperty("decoder");
            var search = document.RootElement.TryGetProperty("search", out var s) ? s : default;
            return new GenAiConfigFile(
                decoder.GetProperty("filename").GetString() ?? "model.onnx",
                model.GetProperty("vocab_size").GetInt32(),
                model.GetProperty("context_length").GetInt32(),
                model.TryGetProperty("pad_token_id", out var pad) ? pad.GetInt32() : -1,
                model.TryGetProperty("bos_token_id", out var bos) ? bos.GetInt32() : 0,
                !model.TryGetProperty("eos_token_id", out var eos) ? []
                    : eos.ValueKind == JsonValueKind.Array ? eos.EnumerateArray().Select(id => id.GetInt32()).ToArray() : [eos.GetInt32()],
                new GenAiSearchDefaults(
                    search.ValueKind == JsonValueKind.Object && search.TryGetProperty("max_length", out var max) ? max.GetInt32() : null,
                    search.ValueKind == JsonValueKind.Object && search.TryGetProperty("do_sample", out var sample) && sample.ValueKind == JsonValueKind.True,
                    search.ValueKind == JsonValueKind.Object && search.TryGetProperty("past_present_share_buffer", out var share) && share.GetBoolean()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EvalInputException(
                $"genai_config.json cannot be read ({e.Message}); it needs model.vocab_size, model.context_length and model.decoder.filename. Re-export the model folder {Path.GetDirectoryName(configPath)}.",
                configPath,
                inner: e);
        }
    }

    private static string? ReadChatTemplate(string tokenizerConfigPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(tokenizerConfigPath));
            return document.RootElement.TryGetProperty("chat_template", out var template) && template.ValueKind == JsonValueKind.String
                ? template.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"tokenizer_config.json is not valid JSON ({e.Message}); copy it again from the Hugging Face model.", tokenizerConfigPath, inner: e);
        }
    }

    private sealed record GenAiConfigFile(string DecoderFileName, int VocabSize, int ContextLength, int PadTokenId, int BosTokenId, int[] EosTokenIds, GenAiSearchDefaults Search);
}
