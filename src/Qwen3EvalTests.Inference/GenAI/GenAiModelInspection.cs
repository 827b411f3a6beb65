using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// What the harness finds in a model folder before anything runs (<c>qwen3eval model inspect</c>): the export's type,
/// operators of note, KV layout, logits, lengths, vocabulary sizes, special ids, chat template and kind, and every problem
/// with its fix. <c>run</c> stops on the same errors (<see cref="GenAiModelFolder.Open"/>).
/// </summary>
public sealed record GenAiModelInspection(
    string Folder,
    string ModelType,
    string ExecutionProvider,
    IReadOnlyDictionary<string, int> OperatorsOfNote,
    string KvLayout,
    IReadOnlyList<string> PastKeyShape,
    string LogitsType,
    IReadOnlyList<string> LogitsShape,
    bool LastPositionLogitsOnly,
    bool HasPositionIds,
    int ContextLength,
    int? ConfigMaxLength,
    string HarnessMaxLength,
    int ConfigVocabSize,
    long? GraphVocabSize,
    int? TokenizerVocabSize,
    int BosTokenId,
    IReadOnlyList<int> EosTokenIds,
    int PadTokenId,
    IReadOnlyDictionary<string, string> SpecialTokenNames,
    string ChatTemplateSource,
    string Kind,
    string KindSource,
    bool ConfigSamples,
    IReadOnlyList<ModelFolderProblem> Problems)
{
    private static readonly string[] NotableOperators =
    [
        OnnxGraphSummary.GroupQueryAttention, "com.microsoft::PagedAttention", "com.microsoft::MultiHeadAttention", "Attention",
        OnnxGraphSummary.MatMulNBits, "MatMul", "SimplifiedLayerNormalization", "com.microsoft::SkipSimplifiedLayerNormalization",
        "com.microsoft::RotaryEmbedding", "Softmax", "Concat",
    ];

    public bool HasErrors => Problems.Any(problem => problem.IsError);

    /// <exception cref="EvalInputException">Nothing to inspect: no folder, no or unreadable genai_config.json, no or corrupt ONNX file.</exception>
    /// <param name="folder">The model folder.</param>
    /// <param name="executionProvider">"cpu" or "cuda".</param>
    /// <param name="declaredKind">The kind a run would declare (a suite's kind:, run --kind); null: what the folder suggests.</param>
    public static GenAiModelInspection Inspect(string folder, string executionProvider = "cpu", ModelKind? declaredKind = null)
    {
        var (opened, found) = GenAiModelFolder.Examine(folder, executionProvider);
        var (kind, kindSource) = declaredKind is { } declared ? (declared, ModelKindSource.Declared) : (opened.Kind, opened.KindSource);
        var graph = opened.Graph;
        var problems = found.ToList();
        var modelType = ReadModelType(opened.ConfigPath);
        var (tokenizerVocab, specialNames) = ReadTokenizer(Path.Combine(opened.Folder, "tokenizer.json"));

        var sharesBuffer = opened.Search.SharesKvBuffer;
        var kvLayout = graph.KvLayers == 0 ? "no KV cache inputs"
            : sharesBuffer ? "one static buffer per layer shared by past and present, [batch, kv_heads, max_length, head_size] (past_present_share_buffer)"
            : "past and present separate, present = past + new positions (no shared buffer)";
        if (opened.Search.MaxLength is { } configMax && sharesBuffer && graph.PastKeyDimensions.Count == 4
            && long.TryParse(graph.PastKeyDimensions[1], out var kvHeads) && long.TryParse(graph.PastKeyDimensions[3], out var headSize))
        {
            var bytes = 2L * graph.KvLayers * kvHeads * headSize * configMax * graph.KvElementBytes;
            problems.Add(ModelFolderProblem.Note(
                string.Create(CultureInfo.InvariantCulture, $"search.max_length is {configMax}: a generator with it would allocate {(bytes >= 1e9 ? $"{bytes / 1e9:F1} GB" : $"{bytes / 1e6:F1} MB")} of KV buffer per batch row"),
                "the harness ignores it and sets max_length per run from the longest request (at most context_length).",
                opened.ConfigPath,
                "search.max_length"));
        }

        if (opened.Search.DoSample)
        {
            problems.Add(ModelFolderProblem.Note(
                "search.do_sample is true (the builder copies an instruct model's generation config)",
                "the harness sets do_sample=false for scoring and greedy generation; sampling only with --temperature > 0.",
                opened.ConfigPath,
                "search.do_sample"));
        }

        if (graph.LastPositionLogitsOnly)
        {
            problems.Add(ModelFolderProblem.Note(
                "the graph returns logits for the last position only (prune_lm_head)",
                "the harness appends one token at a time where it needs every position's log-probability, and scores at batch 1 (--batch-size is ignored).",
                opened.ModelPath));
        }

        if (specialNames.ContainsKey(opened.PadTokenId.ToString(CultureInfo.InvariantCulture)))
        {
            problems.Add(ModelFolderProblem.Note(
                $"pad_token_id {opened.PadTokenId} is a real token ({specialNames[opened.PadTokenId.ToString(CultureInfo.InvariantCulture)]}) prompts may contain",
                "scoring reads it correctly at batch 1; batched rows that end in it are scored at batch 1; generation refuses a prompt that ends in it.",
                opened.ConfigPath,
                "model.pad_token_id"));
        }

        if (opened.ChatTemplateSource == GenAI.ChatTemplateSource.ChatTemplateJinja)
        {
            problems.Add(ModelFolderProblem.Note(
                "the chat template is in chat_template.jinja; Qwen2.5 and Qwen3 base checkpoints ship one too, so it says nothing about base vs instruct",
                "the harness never infers instruct from it: the kind is declared (a suite's kind:, run --kind), or read from the folder name and the config's sampling defaults.",
                Path.Combine(opened.Folder, GenAiModelFolder.ChatTemplateFileName)));
        }

        var operators = NotableOperators.Where(op => graph.Count(op) > 0).ToDictionary(op => op, graph.Count);
        return new GenAiModelInspection(
            opened.Folder,
            modelType,
            executionProvider,
            operators,
            kvLayout,
            graph.PastKeyDimensions,
            graph.LogitsTypeName,
            graph.LogitsDimensions,
            graph.LastPositionLogitsOnly,
            graph.HasPositionIds,
            opened.ContextLength,
            opened.Search.MaxLength,
            $"set from the run's longest request (at most {opened.ContextLength})",
            opened.VocabSize,
            graph.LogitsVocabSize,
            tokenizerVocab,
            opened.BosTokenId,
            opened.EosTokenIds,
            opened.PadTokenId,
            specialNames.Where(entry => IsNamedId(opened, entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value),
            opened.ChatTemplateSource switch
            {
                GenAI.ChatTemplateSource.ChatTemplateJinja => GenAiModelFolder.ChatTemplateFileName,
                GenAI.ChatTemplateSource.TokenizerConfig => "tokenizer_config.json (chat_template)",
                _ => "none",
            },
            kind.ToId(),
            new ModelKindFact(opened.Name, opened.Folder, kind, kindSource).Why,
            opened.Search.DoSample,
            problems);
    }

    private static bool IsNamedId(GenAiModelFolder folder, string id) =>
        int.TryParse(id, CultureInfo.InvariantCulture, out var value) && (value == folder.BosTokenId || value == folder.PadTokenId || folder.EosTokenIds.Contains(value));

    private static string ReadModelType(string configPath)
    {
        using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(configPath));
        return document.RootElement.GetProperty("model").TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";
    }

    /// <summary>The tokenizer's size (largest id + 1) and its added tokens by id; nothing when tokenizer.json is missing or unreadable.</summary>
    private static (int? VocabSize, Dictionary<string, string> Added) ReadTokenizer(string tokenizerPath)
    {
        var added = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(tokenizerPath))
        {
            return (null, added);
        }

        try
        {
            using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(tokenizerPath));
            var largest = -1;
            if (document.RootElement.TryGetProperty("model", out var model) && model.TryGetProperty("vocab", out var vocab) && vocab.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in vocab.EnumerateObject())
                {
                    largest = Math.Max(largest, entry.Value.GetInt32());
                }
            }

            if (document.RootElement.TryGetProperty("added_tokens", out var tokens))
            {
                foreach (var token in tokens.EnumerateArray())
                {
                    var id = token.GetProperty("id").GetInt32();
                    largest = Math.Max(largest, id);
                    added[id.ToString(CultureInfo.InvariantCulture)] = token.GetProperty("content").GetString() ?? "";
                }
            }

            return (largest + 1, added);
        }
        catch (Exception e) when (e is JsonException or EvalInputException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Reported with its fix by GenAiModelFolder.Examine (unreadable, too big, not the tokenizer's JSON).
            return (null, added);
        }
    }
}
