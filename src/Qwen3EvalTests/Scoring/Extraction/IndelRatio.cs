using System.Numerics;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// rapidfuzz's Indel similarity of one pattern against many texts: the longest common subsequence by the bit-parallel
/// rule of LCSseq_py.py <c>_block_similarity</c> (<c>S = (S + u) | (S - u)</c>, one bit per pattern code point, in
/// 64-bit words), and <c>fuzz.ratio</c> = <c>(1 - (len1 + len2 - 2·LCS) / (len1 + len2)) · 100</c> in that order of
/// operations (Indel_py.py <c>normalized_similarity</c>; rapidfuzz-cpp v3.0.4 details/distance.hpp L235-246), so equal
/// fractions give equal doubles and ties break as upstream's do.
/// </summary>
internal sealed class IndelRatio
{
    private readonly Dictionary<int, ulong[]> masks = [];
    private readonly int words;

    public IndelRatio(ReadOnlySpan<int> pattern)
    {
        Length = pattern.Length;
        words = (pattern.Length + 63) / 64;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (!masks.TryGetValue(pattern[i], out var mask))
            {
                masks[pattern[i]] = mask = new ulong[words];
            }

            mask[i / 64] |= 1UL << (i % 64);
        }
    }

    public int Length { get; }

    public bool Contains(int codePoint) => masks.ContainsKey(codePoint);

    public static double Ratio(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => new IndelRatio(a).RatioWith(b);

    /// <summary><c>fuzz.ratio(pattern, text)</c>: 100 for two empty strings.</summary>
    public double RatioWith(ReadOnlySpan<int> text)
    {
        var total = Length + text.Length;
        return total == 0 ? 100 : (1.0 - ((double)(total - (2 * CommonSubsequenceLength(text))) / total)) * 100;
    }

    /// <summary>fuzz_py.py <c>_norm_distance</c> / rapidfuzz-cpp fuzz_impl.hpp L53-59: <c>100 - 100·dist / lensum</c>.</summary>
    public static double NormalizedDistanceScore(int distance, int lengthSum) =>
        lengthSum > 0 ? 100.0 - (100.0 * distance / lengthSum) : 100.0;

    /// <summary>Indel distance: <c>len1 + len2 - 2·LCS</c>.</summary>
    public static int Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
        a.Length + b.Length - (2 * new IndelRatio(a).CommonSubsequenceLength(b));

    public int CommonSubsequenceLength(ReadOnlySpan<int> text)
    {
        if (Length == 0)
        {
            return 0;
        }

        var s = new ulong[words];
        Array.Fill(s, ulong.MaxValue);
        foreach (var c in text)
        {
            if (!masks.TryGetValue(c, out var mask))
            {
                continue; // u = 0: S + 0 | S - 0 = S
            }

            ulong carry = 0;
            for (var w = 0; w < words; w++)
            {
                var u = s[w] & mask[w];
                var sum = s[w] + u;
                var carryOut = sum < s[w] ? 1UL : 0UL;
                sum += carry;
                carryOut |= sum < carry ? 1UL : 0UL;
                s[w] = sum | (s[w] & ~u); // S - u = S & ~u since u ⊆ S
                carry = carryOut;
            }
        }

        var zeros = 0;
        for (var w = 0; w < words; w++)
        {
            var bits = Math.Min(64, Length - (w * 64));
            var valid = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            zeros += bits - BitOperations.PopCount(s[w] & valid);
        }

        return zeros;
    }
}
