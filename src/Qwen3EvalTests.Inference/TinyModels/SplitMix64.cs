namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>The SplitMix64 generator: a fixed, platform-independent stream of weights from a seed.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float uniform in [-scale, scale).</summary>
    public float NextSymmetric(float scale) => (float)(((Next() >> 40) / (double)(1UL << 24) * 2.0 - 1.0) * scale);
}
