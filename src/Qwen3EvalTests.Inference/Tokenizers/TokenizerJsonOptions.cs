using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qwen3EvalTests.Inference.Tokenizers;

/// <summary>JSON writing options for tokenizer and model config files: indented, non-ASCII kept as is.</summary>
internal static class TokenizerJsonOptions
{
    public static JsonSerializerOptions Indented { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
