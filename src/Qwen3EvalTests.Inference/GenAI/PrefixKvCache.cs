using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// One live generator whose KV cache holds <see cref="Tokens"/>, with log p(next actual token) for every held position
/// and the next-token distribution after the last one. Moving to a new sequence keeps the longest common prefix.
/// </summary>
/// <param name="generator">A batch-1 generator.</param>
/// <param name="maxLength">The generator's max_length: the most tokens it can hold.</param>
/// <param name="rewindsFreely">The export shares one KV buffer between past and present (GroupQueryAttention), where rewinding
/// twice in a row is exact; without one (concatenated caches) GenAI 0.18–0.20 corrupt the cache (GeneratorRewindTests), so a rewind waits for the next append.</param>
internal sealed class PrefixKvCache(Generator generator, int maxLength, bool rewindsFreely) : IDisposable
{
    public Generator Generator { get; } = generator;

    public int MaxLength { get; } = maxLength;

    public bool RewindsFreely { get; } = rewindsFreely;

    /// <summary>The tokens the KV cache holds.</summary>
    public List<int> Tokens { get; } = [];

    /// <summary>NextTokenLogProbs[p] = log p(Tokens[p + 1] | Tokens[0..p]).</summary>
    public List<double> NextTokenLogProbs { get; } = [];

    /// <summary>The distribution after the last held token (log-sum-exp and arg max computed once per forward call), shared by every continuation.</summary>
    public NextTokenRow LastRow { get; } = new();

    /// <summary>Rewinds the generator to <paramref name="length"/> tokens when it holds more (without a shared buffer: at most once between appends).</summary>
    public void RewindTo(int length)
    {
        if ((long)Generator.TokenCount() != length)
        {
            Generator.RewindTo((ulong)length);
        }
    }

    /// <summary>Drops what the cache holds, so the next sequence is prefilled from its first token.</summary>
    public void Forget()
    {
        Tokens.Clear();
        NextTokenLogProbs.Clear();
        LastRow.Clear();
    }

    public void Dispose()
    {
        LastRow.Dispose();
        Generator.Dispose();
    }
}
