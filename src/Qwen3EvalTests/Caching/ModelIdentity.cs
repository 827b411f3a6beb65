using Qwen3EvalTests.Provenance;

namespace Qwen3EvalTests.Caching;

/// <summary>
/// What makes two loaded models give the same answers: the SHA-256 of every file in the model folder
/// (ONNX, external data, genai_config.json, tokenizer files, chat template) and the execution provider.
/// </summary>
/// <param name="ModelHash">SHA-256 over the sorted "file name, file SHA-256" lines of the model folder.</param>
/// <param name="ExecutionProvider">"cpu" or "cuda": providers may differ in the last bits.</param>
public sealed record ModelIdentity(string ModelHash, string ExecutionProvider)
{
    /// <summary>The identity of <paramref name="folder"/> by <see cref="ModelFileHashes"/> (hashed once per process for an unchanged folder).</summary>
    public static ModelIdentity OfFolder(string folder, string executionProvider) =>
        new(ModelFileHashes.Combined(ModelFileHashes.Of(folder)), executionProvider);
}
