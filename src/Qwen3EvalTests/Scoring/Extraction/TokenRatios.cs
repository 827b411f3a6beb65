namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// rapidfuzz's token scorers on processed text (tokens split on spaces, sorted by code point): <c>token_ratio</c>, the
/// larger of <c>token_sort_ratio</c> and <c>token_set_ratio</c> (rapidfuzz-cpp v3.0.4 fuzz_impl.hpp L518-565;
/// fuzz_py.py <c>token_ratio</c>), and <c>partial_token_ratio</c> (fuzz_impl.hpp L704-731). The set decomposition
/// (common_impl.hpp <c>set_decomposition</c>) deduplicates each side's sorted tokens; intersection and differences
/// keep sorted order and are joined with one space.
/// </summary>
internal static class TokenRatios
{
    public static double TokenRatio(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        var a = SortedTokens(s1);
        var b = SortedTokens(s2);
        var (intersection, diffAb, diffBa) = Decompose(a, b);
        if (intersection.Count > 0 && (diffAb.Count == 0 || diffBa.Count == 0))
        {
            return 100;
        }

        var abJoined = Join(diffAb);
        var baJoined = Join(diffBa);
        var sectLength = Join(intersection).Length;
        var result = IndelRatio.Ratio(Join(a), Join(b)); // token_sort_ratio

        var separator = sectLength > 0 ? 1 : 0;
        var sectAbLength = sectLength + separator + abJoined.Length;
        var sectBaLength = sectLength + separator + baJoined.Length;
        var distance = IndelRatio.Distance(abJoined, baJoined);
        result = Math.Max(result, IndelRatio.NormalizedDistanceScore(distance, sectAbLength + sectBaLength));
        if (sectLength == 0)
        {
            return result;
        }

        var sectAbRatio = IndelRatio.NormalizedDistanceScore(separator + abJoined.Length, sectLength + sectAbLength);
        var sectBaRatio = IndelRatio.NormalizedDistanceScore(separator + baJoined.Length, sectLength + sectBaLength);
        return Math.Max(result, Math.Max(sectAbRatio, sectBaRatio));
    }

    public static double PartialTokenRatio(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        var a = SortedTokens(s1);
        var b = SortedTokens(s2);
        var (intersection, diffAb, diffBa) = Decompose(a, b);
        if (intersection.Count > 0)
        {
            return 100;
        }

        var result = PartialRatio.Of(Join(a), Join(b));
        if (a.Count == diffAb.Count && b.Count == diffBa.Count)
        {
            return result; // do not calculate the same partial_ratio twice
        }

        return Math.Max(result, PartialRatio.Of(Join(diffAb), Join(diffBa)));
    }

    private static List<int[]> SortedTokens(ReadOnlySpan<int> text)
    {
        var tokens = new List<int[]>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                if (i > start)
                {
                    tokens.Add(text[start..i].ToArray());
                }

                start = i + 1;
            }
        }

        tokens.Sort(CodePointOrder);
        return tokens;
    }

    private static (List<int[]> Intersection, List<int[]> DiffAb, List<int[]> DiffBa) Decompose(List<int[]> a, List<int[]> b)
    {
        var diffBa = Deduplicated(b);
        var intersection = new List<int[]>();
        var diffAb = new List<int[]>();
        foreach (var token in Deduplicated(a))
        {
            var match = diffBa.FindIndex(t => t.AsSpan().SequenceEqual(token));
            if (match >= 0)
            {
                diffBa.RemoveAt(match);
                intersection.Add(token);
            }
            else
            {
                diffAb.Add(token);
            }
        }

        return (intersection, diffAb, diffBa);
    }

    // std::unique over the sorted tokens.
    private static List<int[]> Deduplicated(List<int[]> sorted)
    {
        var unique = new List<int[]>(sorted.Count);
        foreach (var token in sorted)
        {
            if (unique.Count == 0 || !unique[^1].AsSpan().SequenceEqual(token))
            {
                unique.Add(token);
            }
        }

        return unique;
    }

    private static int[] Join(List<int[]> tokens)
    {
        var joined = new List<int>();
        foreach (var token in tokens)
        {
            if (joined.Count > 0)
            {
                joined.Add(' ');
            }

            joined.AddRange(token);
        }

        return [.. joined];
    }

    private static int CodePointOrder(int[] x, int[] y) => x.AsSpan().SequenceCompareTo(y);
}
