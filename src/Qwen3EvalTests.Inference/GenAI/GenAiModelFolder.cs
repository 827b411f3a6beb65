using System.Text;
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

    public const string TokenizerConfigFileName = "tokenizer_config.json";

    /// <summary>The genai_config.json field that names the decoder's ONNX file.</summary>
    public const string DecoderFileField = "model.decoder.filename";

    /// <summary>Where an ONNX graph names a file of its external weights (a tensor's external_data "location").</summary>
    public const string ExternalDataField = "external_data.location";

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
        var sandbox = ModelFolderSandbox.Open(folder);
        var full = sandbox.Folder;
        if (!File.Exists(Path.Combine(full, ConfigFileName)))
        {
            throw new EvalInputException($"the model folder has no {ConfigFileName}; export the model with onnxruntime-genai's model builder (python -m onnxruntime_genai.models.builder) into this folder.", full);
        }

        var configPath = sandbox.Resolve(ConfigFileName, Path.Combine(full, ConfigFileName), field: null);
        var config = ReadConfig(configPath);
        var problems = new List<ModelFolderProblem>();
        foreach (var (field, named) in config.NamedPaths.Where(path => path.Field != DecoderFileField))
        {
            Collect(problems, () => sandbox.Resolve(named, configPath, field));
        }

        var modelPath = sandbox.Resolve(config.DecoderFileName, configPath, DecoderFileField);
        if (!File.Exists(modelPath))
        {
            throw new EvalInputException($"the ONNX file '{config.DecoderFileName}' named by genai_config.json ({DecoderFileField}) is missing from the model folder {full}.", configPath, field: DecoderFileField);
        }

        var inFolder = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var fixedName in new[] { TokenizerConsistency.TokenizerFileName, TokenizerConfigFileName, ChatTemplateFileName })
        {
            var shown = Path.Combine(full, fixedName);
            inFolder[fixedName] = Collect(problems, () => sandbox.Resolve(fixedName, shown, field: null));
        }

        foreach (var tokenizerFile in new[] { TokenizerConsistency.TokenizerFileName, TokenizerConfigFileName })
        {
            if (!File.Exists(Path.Combine(full, tokenizerFile)))
            {
                problems.Add(ModelFolderProblem.Error($"the model folder has no {tokenizerFile}", "copy tokenizer.json and tokenizer_config.json from the Hugging Face model into it.", full));
            }
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

        if (inFolder[TokenizerConsistency.TokenizerFileName] is { } tokenizerPath && File.Exists(tokenizerPath))
        {
            Collect(problems, () =>
            {
                TokenizerConsistency.Check(full, configPath, config.VocabSize);
                return "";
            });
        }

        foreach (var dataFile in graph.ExternalDataFiles)
        {
            Collect(problems, () => sandbox.Resolve(dataFile, modelPath, ExternalDataField, relativeTo: Path.GetDirectoryName(modelPath)));
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

        var configTemplate = inFolder[TokenizerConfigFileName] is { } tokenizerConfigPath && File.Exists(tokenizerConfigPath)
            ? Collect(problems, () => ReadChatTemplate(tokenizerConfigPath))
            : null;
        var jinjaTemplate = inFolder[ChatTemplateFileName] is { } jinjaPath && File.Exists(jinjaPath)
            ? Collect(problems, () => Encoding.UTF8.GetString(ModelFolderSandbox.ReadParsedFile(jinjaPath)))
            : null;
        var (chatTemplate, source) = jinjaTemplate is not null ? (jinjaTemplate, ChatTemplateSource.ChatTemplateJinja)
            : configTemplate is not null ? (configTemplate, ChatTemplateSource.TokenizerConfig)
            : ((string?)null, ChatTemplateSource.None);

        // What the model hash would refuse (a symlink out of the folder or in a loop, an unreadable or oversized file), so
        // inspect and run refuse the folder before GenAI loads it; a file already reported above is not reported twice.
        foreach (var problem in sandbox.Survey().Problems.Where(found => problems.TrueForAll(known => known.File != found.File)))
        {
            problems.Add(ModelFolderProblem.Error(problem.Message, "", problem.File));
        }

        var (kind, kindSource) = ModelKinds.Resolve(declared: null, Path.GetFileName(full), config.Search.DoSample);
        var opened = new GenAiModelFolder(full, modelPath, config.VocabSize, config.ContextLength, config.PadTokenId, config.BosTokenId, chatTemplate, kind, kindSource, source, graph, config.Search, config.EosTokenIds);
        return (opened, problems);
    }

    /// <summary>The value of <paramref name="check"/>, or null with its problem added to <paramref name="problems"/>.</summary>
    private static string? Collect(List<ModelFolderProblem> problems, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (EvalInputException e)
        {
            problems.Add(ModelFolderProblem.From(e));
            return null;
        }
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
            using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(configPath));
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
                    search.ValueKind == JsonValueKind.Object && search.TryGetProperty("past_present_share_buffer", out var share) && share.GetBoolean()),
                GenAiConfigPaths.Named(document.RootElement));
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
            using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(tokenizerConfigPath));
            return document.RootElement.TryGetProperty("chat_template", out var template) && template.ValueKind == JsonValueKind.String
                ? template.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"tokenizer_config.json is not valid JSON ({e.Message}); copy it again from the Hugging Face model.", tokenizerConfigPath, inner: e);
        }
    }

    private sealed record GenAiConfigFile(string DecoderFileName, int VocabSize, int ContextLength, int PadTokenId, int BosTokenId, int[] EosTokenIds, GenAiSearchDefaults Search, IReadOnlyList<(string Field, string Path)> NamedPaths);
}
