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
/// <param name="ChatTemplate">tokenizer_config.json's chat_template, or null (a base model).</param>
/// <param name="Kind">The kind the folder suggests when none is declared (<see cref="ModelKinds.Resolve"/>: name, then sampling defaults; a chat template never decides).</param>
/// <param name="KindSource">What suggested <see cref="Kind"/>.</param>
public sealed record GenAiModelFolder(
    string Folder,
    string ModelPath,
    int VocabSize,
    int ContextLength,
    int PadTokenId,
    int BosTokenId,
    string? ChatTemplate,
    ModelKind Kind,
    ModelKindSource KindSource)
{
    public const string ConfigFileName = "genai_config.json";

    public string Name => Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar));

    public string ConfigPath => Path.Combine(Folder, ConfigFileName);

    /// <summary>Checks <paramref name="folder"/> and reads what loading needs; every problem is an <see cref="EvalInputException"/> naming the folder.</summary>
    public static GenAiModelFolder Open(string folder)
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

        foreach (var tokenizerFile in new[] { "tokenizer.json", "tokenizer_config.json" })
        {
            if (!File.Exists(Path.Combine(full, tokenizerFile)))
            {
                throw new EvalInputException($"the model folder has no {tokenizerFile}; copy tokenizer.json and tokenizer_config.json from the Hugging Face model into it.", full);
            }
        }

        var config = ReadConfig(configPath);
        var modelPath = Path.Combine(full, config.DecoderFileName);
        if (!File.Exists(modelPath))
        {
            throw new EvalInputException($"the ONNX file '{config.DecoderFileName}' named by genai_config.json (model.decoder.filename) is missing from the model folder {full}.", configPath, field: "model.decoder.filename");
        }

        var graphVocab = OnnxLogitsDimension.Read(modelPath);
        if (graphVocab is { } logitsSize && logitsSize != config.VocabSize)
        {
            throw new EvalInputException(
                $"vocab_size is {config.VocabSize} but the graph {modelPath} produces logits of size {logitsSize}; set model.vocab_size to {logitsSize} in the model folder {full}.",
                configPath,
                field: "model.vocab_size");
        }

        TokenizerConsistency.Check(full, configPath, config.VocabSize);
        var chatTemplate = ReadChatTemplate(Path.Combine(full, "tokenizer_config.json"));
        var (kind, source) = ModelKinds.Resolve(declared: null, Path.GetFileName(full), config.SamplesByDefault);
        return new GenAiModelFolder(full, modelPath, config.VocabSize, config.ContextLength, config.PadTokenId, config.BosTokenId, chatTemplate, kind, source);
    }

    private static GenAiConfigFile ReadConfig(string configPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configPath));
            var model = document.RootElement.GetProperty("model");
            var decoder = model.GetProperty("decoder");
            return new GenAiConfigFile(
                decoder.GetProperty("filename").GetString() ?? "model.onnx",
                model.GetProperty("vocab_size").GetInt32(),
                model.GetProperty("context_length").GetInt32(),
                model.TryGetProperty("pad_token_id", out var pad) ? pad.GetInt32() : -1,
                model.TryGetProperty("bos_token_id", out var bos) ? bos.GetInt32() : 0,
                document.RootElement.TryGetProperty("search", out var search) && search.TryGetProperty("do_sample", out var sample) && sample.ValueKind == JsonValueKind.True);
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

    private sealed record GenAiConfigFile(string DecoderFileName, int VocabSize, int ContextLength, int PadTokenId, int BosTokenId, bool SamplesByDefault);
}
