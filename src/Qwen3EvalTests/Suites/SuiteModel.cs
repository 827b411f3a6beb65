using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Suites;

/// <summary>A model a suite evaluates.</summary>
/// <param name="Id">The model id, as used by baselines (e.g. "qwen2-1.5b-base").</param>
/// <param name="Kind">Base or instruct.</param>
/// <param name="Folder">The expected folder name under the models directory.</param>
/// <param name="HuggingFace">The Hugging Face id, for the README; null for generated models.</param>
/// <param name="Generated">How a tiny model is generated; null for real models.</param>
/// <param name="Modes">Thinking modes to run ("thinking", "non-thinking"); a single null when the model has none.</param>
/// <param name="Benchmarks">The benchmarks this model runs; null for every benchmark entry of its kind.</param>
public sealed record SuiteModel(
    string Id,
    ModelKind Kind,
    string Folder,
    string? HuggingFace,
    GeneratedModel? Generated,
    IReadOnlyList<string?> Modes,
    IReadOnlyList<Benchmark>? Benchmarks)
{
    /// <summary>
    /// Whether a served engine's model name is this model: its Hugging Face id ("Qwen/Qwen2-72B-Instruct"), that id's last
    /// part, its folder or its id, ignoring case and a file extension (vLLM serves the id it was started with, llama-server
    /// the GGUF file name).
    /// </summary>
    public bool Serves(string servedName)
    {
        ArgumentNullException.ThrowIfNull(servedName);
        var bare = Path.GetFileNameWithoutExtension(servedName.TrimEnd('/'));
        string?[] names = [HuggingFace, HuggingFace?.Split('/')[^1], Folder, Id];
        return names.Any(n => n is not null && (string.Equals(n, servedName, StringComparison.OrdinalIgnoreCase) || string.Equals(n, bare, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>How a tiny test model is generated.</summary>
/// <param name="Seed">The weight seed.</param>
/// <param name="Tokenizer">"bytes" or "qwen3".</param>
/// <param name="PlantedAnswer">For planted models, the letter the model always prefers; null for random ones.</param>
public sealed record GeneratedModel(int Seed, string Tokenizer, string? PlantedAnswer);
