namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// Every weight of a tiny model, drawn once from the spec's seed, so each export (legacy fp32 graph, builder-shaped int4
/// graph, fp16-logits graph) computes with the same numbers. Linear weights are <see cref="Int4Matrix"/> in PyTorch's
/// [out, in] layout; norms are plain floats near 1. The embedding is tied to the LM head.
/// </summary>
internal sealed class TinyModelWeights
{
    private TinyModelWeights(Int4Matrix embedding, IReadOnlyList<TinyLayerWeights> layers, float[] finalNorm)
    {
        Embedding = embedding;
        Layers = layers;
        FinalNorm = finalNorm;
    }

    /// <summary>[vocab, hidden]: the token embedding and (tied) the LM head.</summary>
    public Int4Matrix Embedding { get; }

    public IReadOnlyList<TinyLayerWeights> Layers { get; }

    public float[] FinalNorm { get; }

    public static TinyModelWeights Draw(TinyModelSpec spec, int vocabSize)
    {
        var random = new SplitMix64((ulong)spec.Seed);
        int h = spec.HiddenSize, d = spec.HeadDim;
        var embedding = Int4Matrix.Random(random, vocabSize, h, 0.1f);
        var layers = new List<TinyLayerWeights>();
        for (var layer = 0; layer < spec.Layers; layer++)
        {
            layers.Add(new TinyLayerWeights(
                InputNorm: Norm(random, h),
                Q: Linear(random, h, spec.Heads * d),
                K: Linear(random, h, spec.KvHeads * d),
                V: Linear(random, h, spec.KvHeads * d),
                QNorm: Norm(random, d),
                KNorm: Norm(random, d),
                O: Linear(random, spec.Heads * d, h),
                PostAttentionNorm: Norm(random, h),
                Gate: Linear(random, h, spec.Intermediate),
                Up: Linear(random, h, spec.Intermediate),
                Down: Linear(random, spec.Intermediate, h)));
        }

        return new TinyModelWeights(embedding, layers, Norm(random, h));
    }

    private static Int4Matrix Linear(SplitMix64 random, int inputSize, int outputSize) =>
        Int4Matrix.Random(random, outputSize, inputSize, 1f / MathF.Sqrt(inputSize));

    private static float[] Norm(SplitMix64 random, int size)
    {
        var weight = new float[size];
        for (var i = 0; i < size; i++)
        {
            weight[i] = 1f + random.NextSymmetric(0.1f);
        }

        return weight;
    }
}

/// <summary>One decoder layer's weights (Qwen3: q/k norms per head, SwiGLU MLP).</summary>
internal sealed record TinyLayerWeights(
    float[] InputNorm,
    Int4Matrix Q,
    Int4Matrix K,
    Int4Matrix V,
    float[] QNorm,
    float[] KNorm,
    Int4Matrix O,
    float[] PostAttentionNorm,
    Int4Matrix Gate,
    Int4Matrix Up,
    Int4Matrix Down);
