namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// rapidfuzz <c>fuzz.partial_ratio</c> (rapidfuzz-cpp v3.0.4 fuzz_impl.hpp L67-230, as bundled by RapidFuzz v3.9.3;
/// fuzz_py.py <c>_partial_ratio_short_needle</c> / <c>partial_ratio_alignment</c> compute the same): the shorter
/// string is the needle; the score is the best <c>fuzz.ratio</c> of the needle against every prefix of the longer
/// string shorter than the needle, every window of the needle's length and every suffix shorter than it. For two
/// strings of equal length the roles are also swapped and the better score kept. Upstream skips windows that cannot
/// win (the prefix/suffix character filter, the window-pruning bound); that changes the work, not the maximum, so all
/// of them are scored here.
/// </summary>
internal static class PartialRatio
{
    public static double Of(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        if (s1.Length > s2.Length)
        {
            return Of(s2, s1);
        }

        if (s1.Length == 0 || s2.Length == 0)
        {
            return s1.Length == s2.Length ? 100 : 0;
        }

        var best = BestWindow(s1, s2);
        if (best != 100 && s1.Length == s2.Length)
        {
            best = Math.Max(best, BestWindow(s2, s1));
        }

        return best;
    }

    private static double BestWindow(ReadOnlySpan<int> needle, ReadOnlySpan<int> haystack)
    {
        var pattern = new IndelRatio(needle);
        var length = needle.Length;
        var best = 0.0;
        for (var i = 1; i < length; i++)
        {
            best = Math.Max(best, pattern.RatioWith(haystack[..i]));
        }

        for (var start = 0; start <= haystack.Length - length; start++)
        {
            best = Math.Max(best, pattern.RatioWith(haystack.Slice(start, length)));
        }

        for (var start = haystack.Length - length + 1; start < haystack.Length; start++)
        {
            best = Math.Max(best, pattern.RatioWith(haystack[start..]));
        }

        return best;
    }
}
