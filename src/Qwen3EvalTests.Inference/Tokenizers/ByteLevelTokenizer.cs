using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qwen3EvalTests.Inference.Tokenizers;

/// <summary>
/// A byte-level BPE tokenizer in Hugging Face format: the 256 GPT-2 byte symbols as the vocabulary (id = byte value),
/// no merges, ByteLevel pre-tokenizer and decoder, and Qwen's special tokens from id 256.
/// </summary>
public static class ByteLevelTokenizer
{
    public const int EndOfTextId = 256;
    public const int ImStartId = 257;
    public const int ImEndId = 258;

    /// <summary>The model vocabulary of a byte-level tiny model (room above the special tokens, like Qwen's padded vocab).</summary>
    public const int VocabSize = 300;

    public static IReadOnlyList<string> SpecialTokens { get; } =
        ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>", "</think>", "<tool_call>", "</tool_call>"];

    public static TokenizerFiles Create(string? chatTemplate)
    {
        var vocab = new JsonObject();
        var symbols = ByteSymbols();
        for (var b = 0; b < 256; b++)
        {
            vocab[symbols[b].ToString()] = b;
        }

        var addedTokens = new JsonArray();
        var addedTokensDecoder = new JsonObject();
        for (var i = 0; i < SpecialTokens.Count; i++)
        {
            var id = EndOfTextId + i;
            addedTokens.Add(new JsonObject
            {
                ["id"] = id,
                ["content"] = SpecialTokens[i],
                ["single_word"] = false,
                ["lstrip"] = false,
                ["rstrip"] = false,
                ["normalized"] = false,
                ["special"] = true,
            });
            addedTokensDecoder[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["content"] = SpecialTokens[i],
                ["lstrip"] = false,
                ["normalized"] = false,
                ["rstrip"] = false,
                ["single_word"] = false,
                ["special"] = true,
            };
        }

        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = addedTokens,
            ["normalizer"] = null,
            ["pre_tokenizer"] = ByteLevelSettings(),
            ["post_processor"] = null,
            ["decoder"] = ByteLevelSettings(),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = null,
                ["continuing_subword_prefix"] = "",
                ["end_of_word_suffix"] = "",
                ["fuse_unk"] = false,
                ["byte_fallback"] = false,
                ["ignore_merges"] = false,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray(),
            },
        };

        var config = new JsonObject
        {
            ["add_bos_token"] = false,
            ["add_prefix_space"] = false,
            ["added_tokens_decoder"] = addedTokensDecoder,
            ["bos_token"] = null,
            ["clean_up_tokenization_spaces"] = false,
            ["eos_token"] = "<|im_end|>",
            ["errors"] = "replace",
            ["model_max_length"] = 131072,
            ["pad_token"] = "<|endoftext|>",
            ["split_special_tokens"] = false,
            ["tokenizer_class"] = "Qwen2Tokenizer",
            ["unk_token"] = null,
        };
        if (chatTemplate is not null)
        {
            config["chat_template"] = chatTemplate;
        }

        var letters = new Dictionary<char, IReadOnlyList<int>>();
        foreach (var letter in "ABCD")
        {
            letters[letter] = [letter];
        }

        return new TokenizerFiles(
            Serialize(tokenizer),
            Serialize(config),
            [ImEndId, EndOfTextId],
            EndOfTextId,
            VocabSize,
            letters);
    }

    /// <summary>GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to 256 + n.</summary>
    public static char[] ByteSymbols()
    {
        var symbols = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            symbols[b] = printable ? (char)b : (char)next++;
        }

        return symbols;
    }

    private static JsonObject ByteLevelSettings() => new()
    {
        ["type"] = "ByteLevel",
        ["add_prefix_space"] = false,
        ["trim_offsets"] = false,
        ["use_regex"] = false,
    };

    private static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, TokenizerJsonOptions.Indented);
}
