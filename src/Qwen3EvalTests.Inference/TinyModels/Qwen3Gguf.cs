using System.Globalization;
using System.Text.Json.Nodes;
using Qwen3EvalTests.Inference.Tokenizers;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// A tiny model as llama.cpp reads it: model.gguf for the <c>qwen3</c> architecture (llama.cpp src/llama-arch.cpp,
/// llama-model.cpp; gguf-py constants.py), from the same fp32 weights the ONNX exports use, so llama.cpp and GenAI compute
/// the same function. F32 tensors with llama.cpp's names; no output.weight (the LM head is tied to token_embd, as in the
/// ONNX graphs). The tokenizer is the folder's own: GPT-2 style BPE (<c>tokenizer.ggml.model = gpt2</c>, <c>pre = qwen2</c>),
/// tokens by id with missing ids padded <c>[PADi]</c>, token types from tokenizer.json's added tokens, merges as "a b".
/// </summary>
internal static class Qwen3Gguf
{
    public const string FileName = "model.gguf";

    /// <summary>llama_token_type / gguf-py TokenType.</summary>
    private const int Normal = 1;
    private const int Control = 3;
    private const int UserDefined = 4;
    private const int Unused = 5;

    public static void Save(string path, TinyModelSpec spec, TinyModelWeights weights, TokenizerFiles tokenizer, int vocabSize, int padTokenId)
    {
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "qwen3");
        gguf.Add("general.name", $"tiny-qwen3-seed{spec.Seed.ToString(CultureInfo.InvariantCulture)}");
        gguf.Add("general.file_type", 0u); // LLAMA_FTYPE_ALL_F32
        gguf.Add("qwen3.block_count", (uint)spec.Layers);
        gguf.Add("qwen3.context_length", (uint)spec.ContextLength);
        gguf.Add("qwen3.embedding_length", (uint)spec.HiddenSize);
        gguf.Add("qwen3.feed_forward_length", (uint)spec.Intermediate);
        gguf.Add("qwen3.attention.head_count", (uint)spec.Heads);
        gguf.Add("qwen3.attention.head_count_kv", (uint)spec.KvHeads);
        // Always written: llama.cpp's default (embedding_length / head_count) is wrong whenever heads × head_dim ≠ hidden.
        gguf.Add("qwen3.attention.key_length", (uint)spec.HeadDim);
        gguf.Add("qwen3.attention.value_length", (uint)spec.HeadDim);
        gguf.Add("qwen3.rope.freq_base", (float)Qwen3Hyperparameters.RopeTheta);
        gguf.Add("qwen3.attention.layer_norm_rms_epsilon", Qwen3Hyperparameters.NormEpsilon);

        var (tokens, types, merges) = Vocabulary(tokenizer, vocabSize);
        gguf.Add("tokenizer.ggml.model", "gpt2");
        gguf.Add("tokenizer.ggml.pre", "qwen2");
        gguf.Add("tokenizer.ggml.tokens", tokens);
        gguf.Add("tokenizer.ggml.token_type", types);
        gguf.Add("tokenizer.ggml.merges", merges);
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)tokenizer.BosTokenId);
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)tokenizer.EosTokenIds[0]);
        gguf.Add("tokenizer.ggml.padding_token_id", (uint)padTokenId);
        gguf.Add("tokenizer.ggml.add_bos_token", false);
        if (JsonNode.Parse(tokenizer.TokenizerConfigJson)?["chat_template"]?.GetValue<string>() is { } template)
        {
            gguf.Add("tokenizer.chat_template", template);
        }

        int h = spec.HiddenSize;
        gguf.AddTensor("token_embd.weight", weights.Embedding.RowMajor(), vocabSize, h);
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            var w = weights.Layers[layer];
            var blk = $"blk.{layer.ToString(CultureInfo.InvariantCulture)}";
            gguf.AddTensor($"{blk}.attn_norm.weight", w.InputNorm, h);
            Linear(gguf, $"{blk}.attn_q.weight", w.Q);
            Linear(gguf, $"{blk}.attn_k.weight", w.K);
            Linear(gguf, $"{blk}.attn_v.weight", w.V);
            gguf.AddTensor($"{blk}.attn_q_norm.weight", w.QNorm, spec.HeadDim);
            gguf.AddTensor($"{blk}.attn_k_norm.weight", w.KNorm, spec.HeadDim);
            Linear(gguf, $"{blk}.attn_output.weight", w.O);
            gguf.AddTensor($"{blk}.ffn_norm.weight", w.PostAttentionNorm, h);
            Linear(gguf, $"{blk}.ffn_gate.weight", w.Gate);
            Linear(gguf, $"{blk}.ffn_up.weight", w.Up);
            Linear(gguf, $"{blk}.ffn_down.weight", w.Down);
        }

        gguf.AddTensor("output_norm.weight", weights.FinalNorm, h);
        gguf.Save(path);
    }

    /// <summary>A PyTorch-layout [out, in] matrix: the same row-major bytes, ne = [in, out].</summary>
    private static void Linear(GgufWriter gguf, string name, Int4Matrix weight) =>
        gguf.AddTensor(name, weight.RowMajor(), weight.Rows, weight.Columns);

    /// <summary>
    /// tokenizer.json's model.vocab and added_tokens by id (special added tokens are control tokens, the others user-defined,
    /// as convert_hf_to_gguf.py marks them), ids no token has padded as unused <c>[PADi]</c>, and the merges as "a b".
    /// </summary>
    private static (string[] Tokens, int[] Types, string[] Merges) Vocabulary(TokenizerFiles tokenizer, int vocabSize)
    {
        var json = JsonNode.Parse(tokenizer.TokenizerJson)!.AsObject();
        var tokens = new string?[vocabSize];
        var types = new int[vocabSize];
        foreach (var (token, id) in json["model"]!["vocab"]!.AsObject())
        {
            var index = id!.GetValue<int>();
            tokens[index] = token;
            types[index] = Normal;
        }

        foreach (var added in json["added_tokens"]?.AsArray() ?? [])
        {
            var index = added!["id"]!.GetValue<int>();
            tokens[index] = added["content"]!.GetValue<string>();
            types[index] = added["special"]?.GetValue<bool>() == true ? Control : UserDefined;
        }

        for (var i = 0; i < vocabSize; i++)
        {
            if (tokens[i] is null)
            {
                tokens[i] = $"[PAD{i.ToString(CultureInfo.InvariantCulture)}]";
                types[i] = Unused;
            }
        }

        var merges = (json["model"]!["merges"]?.AsArray() ?? []).Select(merge => merge switch
        {
            JsonArray pair => $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}",
            _ => merge!.GetValue<string>(),
        }).ToArray();
        return (tokens.Select(token => token!).ToArray(), types, merges);
    }
}
