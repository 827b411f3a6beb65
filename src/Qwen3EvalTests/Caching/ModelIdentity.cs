using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// What makes two loaded models give the same answers: the SHA-256 of every file in the model folder
/// (ONNX, external data, genai_config.json, tokenizer files, chat template) and the execution provider.
/// </summary>
/// <param name="ModelHash">SHA-256 over the sorted "file name, file SHA-256" lines of the model folder.</param>
/// <param name="ExecutionProvider">"cpu" or "cuda": providers may differ in the last bits.</param>
public sealed record ModelIdentity(string ModelHash, string ExecutionProvider)
{
    /// <summary>Hashes every file of <paramref name="folder"/> once (a few seconds per GB).</summary>
    public static ModelIdentity OfFolder(string folder, string executionProvider)
    {
        if (!Directory.Exists(folder))
        {
            throw new EvalInputException("the model folder does not exist; pass an existing GenAI model folder.", folder);
        }

        var lines = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            lines.Append(CultureInfo.InvariantCulture, $"{relative}\t{Convert.ToHexStringLower(SHA256.HashData(stream))}\n");
        }

        return new ModelIdentity(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString()))), executionProvider);
    }
}
