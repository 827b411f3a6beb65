namespace Qwen3EvalTests.Models;

/// <summary>Settings of one generation, typed once and mapped to the engine's options in one place.</summary>
/// <param name="MaxNewTokens">The most tokens to generate.</param>
/// <param name="StopStrings">Generation ends when the output contains any of these; the stop string is cut off.</param>
/// <param name="Temperature">0 means greedy.</param>
/// <param name="Seed">Seed for sampled generation.</param>
public sealed record GenerationSettings(
    int MaxNewTokens = 32,
    IReadOnlyList<string>? StopStrings = null,
    double Temperature = 0,
    int Seed = 0)
{
    public bool IsGreedy => Temperature <= 0;
}
