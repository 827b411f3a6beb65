using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// One live generator whose KV cache holds <see cref="Tokens"/>, with log p(next actual token) for every held position
/// and the full log-softmax row after the last one. Moving to a new sequence keeps the longest common prefix.
/// </summary>
internal sealed class PrefixKvCache(Generator generator) : IDisposable
{
    public Generator Generator { get; } = generator;

    /// <summary>The tokens the KV cache holds.</summary>
    public List<int> Tokens { get; } = [];

    /// <summary>NextTokenLogProbs[p] = log p(Tokens[p + 1] | Tokens[0..p]).</summary>
    public List<double> NextTokenLogProbs { get; } = [];

    /// <summary>Log-softmax of the distribution after the last held token.</summary>
    public double[] LastRow { get; set; } = [];

    /// <summary>Rewinds the generator to <paramref name="length"/> tokens when it holds more; at most once between appends.</summary>
    public void RewindTo(int length)
    {
        if ((long)Generator.TokenCount() != length)
        {
            Generator.RewindTo((ulong)length);
        }
    }

    public void Dispose() => Generator.Dispose();
}
