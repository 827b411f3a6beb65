namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>The numbers of Qwen3's config.json every tiny export shares: RMSNorm epsilon and the rotary base.</summary>
internal static class Qwen3Hyperparameters
{
    /// <summary>rms_norm_eps.</summary>
    public const float NormEpsilon = 1e-6f;

    /// <summary>rope_theta.</summary>
    public const double RopeTheta = 1_000_000;

    /// <summary>
    /// cos/sin of position × θ^(-2j/d) for j in [0, d/2), as [length, d/2] row by row: the caches the model builder gives
    /// GroupQueryAttention (rotary_interleaved 0 pairs element j with j + d/2).
    /// </summary>
    public static (float[] Cos, float[] Sin) RotaryCaches(int length, int headDim)
    {
        var half = headDim / 2;
        var cos = new float[length * half];
        var sin = new float[length * half];
        for (var position = 0; position < length; position++)
        {
            for (var j = 0; j < half; j++)
            {
                var inverseFrequency = Math.Pow(RopeTheta, -2.0 * j / headDim);
                cos[position * half + j] = (float)Math.Cos(position * inverseFrequency);
                sin[position * half + j] = (float)Math.Sin(position * inverseFrequency);
            }
        }

        return (cos, sin);
    }
}
