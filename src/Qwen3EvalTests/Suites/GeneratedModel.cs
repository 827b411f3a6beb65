namespace Qwen3EvalTests.Suites;

/// <summary>How a tiny test model is generated.</summary>
/// <param name="Seed">The weight seed.</param>
/// <param name="Tokenizer">"bytes" or "qwen3".</param>
/// <param name="PlantedAnswer">For planted models, the letter the model always prefers; null for random ones.</param>
public sealed record GeneratedModel(int Seed, string Tokenizer, string? PlantedAnswer);
