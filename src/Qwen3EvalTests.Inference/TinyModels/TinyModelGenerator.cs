using System.Text.Json;
using System.Text.Json.Nodes;
using Qwen3EvalTests.Inference.Tokenizers;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// Writes a Qwen3-shaped test model folder. Builder-shaped exports (cpu-int4, fp16-logits) have the files of
/// <c>python -m onnxruntime_genai.models.builder</c>: model.onnx + model.onnx.data, genai_config.json as the builder writes
/// it (share buffer, max_length = context length, eos [im_end, endoftext], pad endoftext), and the tokenizer files of
/// save_pretrained (tokenizer.json, tokenizer_config.json, special_tokens_map.json, chat_template.jinja). Legacy exports keep
/// the harness's first layout. Unplanted models also get model.gguf, the same weights for llama.cpp (<see cref="Qwen3Gguf"/>).
/// tiny_model.json records the spec.
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
        var builderShaped = spec.Export != TinyModelExport.Legacy;
        var tokenizer = TokenizerFor(spec, withChatTemplate: builderShaped || spec.Kind == ModelKind.Instruct);
        var vocabSize = tokenizer.MinimumVocabSize;

        // The builder copies pad_token_id from the checkpoint (<|endoftext|> for Qwen); legacy models use an id no text encodes.
        var padTokenId = !builderShaped ? vocabSize - 1
            : spec.Tokenizer == TinyTokenizerKind.Qwen3 ? Qwen3Tokenizer.EndOfTextId : ByteLevelTokenizer.EndOfTextId;

        var bias = new float[vocabSize];
        if (spec.PlantedAnswer is { } letter)
        {
            foreach (var id in tokenizer.LetterTokenIds[letter])
            {
                bias[id] = PlantedLogitBias;
            }
        }

        var weights = TinyModelWeights.Draw(spec, vocabSize);
        var modelPath = Path.Combine(folder, ModelFileName);
        if (builderShaped)
        {
            var model = ModelBuilderGraph.Build(spec, vocabSize, weights, bias, float16Logits: spec.Export == TinyModelExport.Fp16Logits);
            OnnxExternalData.Save(model, modelPath);
            SavePretrainedTokenizer(folder, tokenizer);
        }
        else
        {
            var model = LegacyTransformerGraph.Build(spec, vocabSize, weights, bias);
            using (var stream = File.Create(modelPath))
            {
                Google.Protobuf.MessageExtensions.WriteTo(model, stream);
            }

            File.WriteAllBytes(Path.Combine(folder, "tokenizer.json"), tokenizer.TokenizerJson);
            File.WriteAllBytes(Path.Combine(folder, "tokenizer_config.json"), tokenizer.TokenizerConfigJson);
        }

        File.WriteAllBytes(Path.Combine(folder, "genai_config.json"), GenAiConfig(spec, tokenizer, vocabSize, padTokenId));

        // llama.cpp's qwen3 graph has no output bias, so the logit bias that plants an answer has no place in a GGUF: planted
        // models get no model.gguf (an engine parity run uses unplanted models, which both engines compute exactly alike).
        if (spec.PlantedAnswer is null)
        {
            Qwen3Gguf.Save(Path.Combine(folder, Qwen3Gguf.FileName), spec, weights, tokenizer, vocabSize, padTokenId);
        }

        File.WriteAllBytes(
            Path.Combine(folder, TinyModelManifest.FileName),
            JsonSerializer.SerializeToUtf8Bytes(new TinyModelManifest(TinyModelSpec.FormatVersion, spec), TinyModelJsonContext.Default.TinyModelManifest));
    }

    private static TokenizerFiles TokenizerFor(TinyModelSpec spec, bool withChatTemplate) => spec.Tokenizer switch
    {
        TinyTokenizerKind.Bytes => ByteLevelTokenizer.Create(withChatTemplate ? ChatMlTemplate.Jinja : null),
        TinyTokenizerKind.Qwen3 => Qwen3Tokenizer.Create(withChatTemplate),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Tokenizer, "Unknown tokenizer kind."),
    };

    /// <summary>
    /// The tokenizer files as transformers' save_pretrained writes them (≥ 4.50): the chat template moves out of
    /// tokenizer_config.json into chat_template.jinja, and special_tokens_map.json names the special tokens.
    /// </summary>
    private static void SavePretrainedTokenizer(string folder, TokenizerFiles tokenizer)
    {
        var config = JsonNode.Parse(tokenizer.TokenizerConfigJson)!.AsObject();
        if (config["chat_template"]?.GetValue<string>() is { } template)
        {
            File.WriteAllText(Path.Combine(folder, "chat_template.jinja"), template);
            config.Remove("chat_template");
        }

        var specialTokens = new JsonObject();
        foreach (var key in new[] { "bos_token", "eos_token", "pad_token", "unk_token" })
        {
            if (config[key] is JsonValue value)
            {
                specialTokens[key] = value.GetValue<string>();
            }
        }

        File.WriteAllBytes(Path.Combine(folder, "tokenizer.json"), tokenizer.TokenizerJson);
        File.WriteAllBytes(Path.Combine(folder, "tokenizer_config.json"), JsonSerializer.SerializeToUtf8Bytes(config, TokenizerJsonOptions.Indented));
        File.WriteAllBytes(Path.Combine(folder, "special_tokens_map.json"), JsonSerializer.SerializeToUtf8Bytes(specialTokens, TokenizerJsonOptions.Indented));
    }

    private static byte[] GenAiConfig(TinyModelSpec spec, TokenizerFiles tokenizer, int vocabSize, int padTokenId)
    {
        // The builder copies the checkpoint's generation_config: Qwen3 instruct models sample (temperature 0.6, top_k 20,
        // top_p 0.95), base models do not; it shares the KV buffer for GroupQueryAttention and sets max_length to the context.
        var builderShaped = spec.Export != TinyModelExport.Legacy;
        var samples = spec.Kind == ModelKind.Instruct;
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
                    ["inputs"] = DecoderInputs(builderShaped),
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
                ["do_sample"] = samples,
                ["early_stopping"] = true,
                ["length_penalty"] = 1.0,
                ["max_length"] = spec.ContextLength,
                ["min_length"] = 0,
                ["no_repeat_ngram_size"] = 0,
                ["num_beams"] = 1,
                ["num_return_sequences"] = 1,
                ["past_present_share_buffer"] = builderShaped,
                ["repetition_penalty"] = 1.0,
                ["temperature"] = samples ? 0.6 : 1.0,
                ["top_k"] = samples ? 20 : 1,
                ["top_p"] = samples ? 0.95 : 1.0,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(config, TokenizerJsonOptions.Indented);
    }

    private static JsonObject DecoderInputs(bool builderShaped)
    {
        // GroupQueryAttention computes positions from the mask (do_rotary 1): the builder's exports have no position_ids.
        var inputs = new JsonObject { ["input_ids"] = "input_ids", ["attention_mask"] = "attention_mask" };
        if (!builderShaped)
        {
            inputs["position_ids"] = "position_ids";
        }

        inputs["past_key_names"] = "past_key_values.%d.key";
        inputs["past_value_names"] = "past_key_values.%d.value";
        return inputs;
    }
}
