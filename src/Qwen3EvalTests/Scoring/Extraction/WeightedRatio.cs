namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// rapidfuzz <c>fuzz.WRatio</c> on processed text, the default scorer of thefuzz ≥ 0.20 (rapidfuzz-cpp v3.0.4
/// fuzz_impl.hpp L790-824 and <c>CachedWRatio</c> L843-882; fuzz_py.py <c>WRatio</c> at RapidFuzz v3.9.3 L744-816):
/// 0 if either string is empty; otherwise <c>ratio</c>, and with the length ratio r = longer / shorter —
/// r &lt; 1.5: the larger of <c>ratio</c> and <c>token_ratio</c>·0.95; else with scale 0.9 (r &lt; 8) or 0.6 (r ≥ 8,
/// as every rapidfuzz 3.x before 3.14.0, 2025-08-27, which moved exactly 8 to 0.9), the largest of <c>ratio</c>,
/// <c>partial_ratio</c>·scale and <c>partial_token_ratio</c>·0.95·scale. Unrounded.
/// </summary>
internal static class WeightedRatio
{
    private const double UnbaseScale = 0.95;

    public static double Of(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        if (s1.Length == 0 || s2.Length == 0)
        {
            return 0;
        }

        var lengthRatio = s1.Length > s2.Length ? (double)s1.Length / s2.Length : (double)s2.Length / s1.Length;
        var endRatio = IndelRatio.Ratio(s1, s2);
        if (lengthRatio < 1.5)
        {
            return Math.Max(endRatio, TokenRatios.TokenRatio(s1, s2) * UnbaseScale);
        }

        var partialScale = lengthRatio < 8.0 ? 0.9 : 0.6;
        endRatio = Math.Max(endRatio, PartialRatio.Of(s1, s2) * partialScale);
        return Math.Max(endRatio, TokenRatios.PartialTokenRatio(s1, s2) * UnbaseScale * partialScale);
    }
}
