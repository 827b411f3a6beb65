using System.Text.Json;
using System.Text.Json.Nodes;
using Qwen3EvalTests.Inference.Tokenizers;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// Writes a Qwen3-shaped test model folder in the layout of GenAI's model builder: model.onnx, genai_config.json,
/// tokenizer.json, tokenizer_config.json, plus tiny_model.json recording the spec.
/// </summary>
public static class TinyModelGenerator
{
    /// <summary>Added to the planted letter's logits: dominates any random logit by a wide margin.</summary>
    public const float PlantedLogitBias = 30f;

    public const string ModelFileName = "model.onnx";

    public static void Generate(TinyModelSpec spec, string folder)
    {
        spec.Validate();
        Directory.CreateDirectory(folder);
        var tokenizer = TokenizerFor(spec);
        var vocabSize = tokenizer.MinimumVocabSize;
        var padTokenId = vocabSize - 1;

        var bias = new float[vocabSize];
        if (spec.PlantedAnswer is { } letter)
        {
            foreach (var id in tokenizer.LetterTokenIds[letter])
            {
                bias[id] = PlantedLogitBias;
            }
        }

        var model = TinyTransformerGraph.Build(spec, vocabSize, bias);
        using (var stream = File.Create(Path.Combine(folder, ModelFileName)))
        {
            Google.Protobuf.MessageExtensions.WriteTo(model, stream);
        }

        File.WriteAllBytes(Path.Combine(folder, "genai_config.json"), GenAiConfig(spec, tokenizer, vocabSize, padTokenId));
        File.WriteAllBytes(Path.Combine(folder, "tokenizer.json"), tokenizer.TokenizerJson);
        File.WriteAllBytes(Path.Combine(folder, "tokenizer_config.json"), tokenizer.TokenizerConfigJson);
        File.WriteAllBytes(
            Path.Combine(folder, TinyModelManifest.FileName),
            JsonSerializer.SerializeToUtf8Bytes(new TinyModelManifest(TinyModelSpec.FormatVersion, spec), TinyModelJsonContext.Default.TinyModelManifest));
    }

    private static TokenizerFiles TokenizerFor(TinyModelSpec spec)
    {
        var instruct = spec.Kind == ModelKind.Instruct;
        return spec.Tokenizer switch
        {
            TinyTokenizerKind.Bytes => ByteLevelTokenizer.Create(instruct ? ChatMlTemplate.Jinja : null),
            TinyTokenizerKind.Qwen3 => Qwen3Tokenizer.Create(instruct),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Tokenizer, "Unknown tokenizer kind."),
        };
    }

    private static byte[] GenAiConfig(TinyModelSpec spec, TokenizerFiles tokenizer, int vocabSize, int padTokenId)
    {
        var eos = new JsonArray();
        foreach (var id in tokenizer.EosTokenIds)
        {
            eos.Add(id);
        }

        var config = new JsonObject
        {
            ["model"] = new JsonObject
            {
                ["bos_token_id"] = tokenizer.BosTokenId,
                ["context_length"] = spec.ContextLength,
                ["decoder"] = new JsonObject
                {
                    ["session_options"] = new JsonObject { ["log_id"] = "onnxruntime-genai", ["provider_options"] = new JsonArray() },
                    ["filename"] = ModelFileName,
                    ["head_size"] = spec.HeadDim,
                    ["hidden_size"] = spec.HiddenSize,
                    ["inputs"] = new JsonObject
                    {
                        ["input_ids"] = "input_ids",
                        ["attention_mask"] = "attention_mask",
                        ["position_ids"] = "position_ids",
                        ["past_key_names"] = "past_key_values.%d.key",
                        ["past_value_names"] = "past_key_values.%d.value",
                    },
                    ["outputs"] = new JsonObject
                    {
                        ["logits"] = "logits",
                        ["present_key_names"] = "present.%d.key",
                        ["present_value_names"] = "present.%d.value",
                    },
                    ["num_attention_heads"] = spec.Heads,
                    ["num_hidden_layers"] = spec.Layers,
                    ["num_key_value_heads"] = spec.KvHeads,
                },
                ["eos_token_id"] = eos,
                ["pad_token_id"] = padTokenId,
                ["type"] = "qwen3",
                ["vocab_size"] = vocabSize,
            },
            ["search"] = new JsonObject
            {
                ["diversity_penalty"] = 0.0,
                // Instruct exports copy the checkpoint's generation_config.json sampling defaults (Qwen3: do_sample true, temperature 0.6, top_p 0.95, top_k 20).
                ["do_sample"] = spec.Kind == ModelKind.Instruct,
                ["early_stopping"] = true,
                ["length_penalty"] = 1.0,
                ["max_length"] = spec.ContextLength,
                ["min_length"] = 0,
                ["no_repeat_ngram_size"] = 0,
                ["num_beams"] = 1,
                ["num_return_sequences"] = 1,
                ["past_present_share_buffer"] = false,
                ["repetition_penalty"] = 1.0,
                ["temperature"] = 1.0,
                ["top_k"] = 1,
                ["top_p"] = 1.0,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(config, TokenizerJsonOptions.Indented);
    }
}
