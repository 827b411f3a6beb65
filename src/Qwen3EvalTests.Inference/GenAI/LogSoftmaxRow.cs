using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// Log-softmax over one logits row, read where it is needed: the row's maximum and arg max in one pass, its log-sum-exp
/// (each exp and the sum in double precision) in a second, then logit − log-sum-exp for each token a score reads. Both
/// passes use 512-bit vectors where the CPU has them (16 floats, 8 doubles per step), else <see cref="Vector{T}"/>; with
/// AVX-512 the exp is <see cref="ExpOfNonPositive"/>, which needs about half the instructions of <see cref="Vector512.Exp(Vector512{double})"/>.
/// </summary>
internal static class LogSoftmaxRow
{
    /// <summary>log Σ exp(row[i]), shifted by the row's maximum; each exp and the sum in double precision.</summary>
    public static double LogSumExp(ReadOnlySpan<float> row) => LogSumExp(row, MaxAndArgMax(row).Max);

    /// <summary>
    /// log Σ exp(row[i]) given the row's maximum <paramref name="max"/> (from <see cref="MaxAndArgMax"/>): every term is
    /// exp(row[i] − max) ≤ 1, so nothing overflows. Negative infinity for an empty row or one of −∞ only; NaN when a logit is NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimized from the first call: at tier 0 the vector math is not inlined and runs several times slower
    public static double LogSumExp(ReadOnlySpan<float> row, float max)
    {
        if (float.IsNegativeInfinity(max))
        {
            return row.IndexOfAnyExcept(float.NegativeInfinity) >= 0 ? double.NaN : double.NegativeInfinity;
        }

        var i = 0;
        var sum = 0.0;
        ref var start = ref MemoryMarshal.GetReference(row);
        if (Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported && row.Length >= Vector512<float>.Count)
        {
            var shift = Vector512.Create((double)max);
            var low = Vector512<double>.Zero;
            var high = Vector512<double>.Zero;
            for (; i <= row.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var (lower, upper) = Vector512.Widen(Vector512.LoadUnsafe(ref start, (nuint)i));
                low += ExpOfNonPositive(lower - shift);
                high += ExpOfNonPositive(upper - shift);
            }

            sum = Vector512.Sum(low + high);
        }
        else if (row.Length >= Vector<float>.Count)
        {
            var shift = new Vector<double>(max);
            var low = Vector<double>.Zero;
            var high = Vector<double>.Zero;
            for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(row[i..]), out var lower, out var upper);
                low += Vector.Exp(lower - shift);
                high += Vector.Exp(upper - shift);
            }

            sum = Vector.Sum(low + high);
        }

        for (; i < row.Length; i++)
        {
            sum += Math.Exp((double)row[i] - max);
        }

        return max + Math.Log(sum);
    }

    // 2^(j/8), j = 0…7, each the double nearest to it.
    private static readonly Vector512<double> EighthPowersOfTwo = Vector512.Create(
        1.0, 1.0905077326652577, 1.189207115002721, 1.2968395546510096, 1.4142135623730951, 1.5422108254079407, 1.681792830507429, 1.8340080864093424);

    /// <summary>
    /// exp(d) for d ≤ 0 (−∞ gives 0, NaN gives NaN), each lane to within 3 units in the last place of the double result
    /// (the tests compare it with <see cref="Math.Exp"/>). d = n·ln2/8 + r with n = round(8d/ln2), so |r| ≤ ln2/16 and
    /// exp(d) = 2^⌊n/8⌋ · 2^((n mod 8)/8) · exp(r): the power of two by <c>vscalefpd</c>, the eighth power from an 8-entry table
    /// (<c>vpermpd</c>), exp(r) by its Taylor polynomial of degree 7 (the first term left out is r⁸/8! &lt; 3·10⁻¹⁶). ln2/8 is split in
    /// two (Cody and Waite): its high part has 39 significant bits, so n times it is exact for every |n| ≤ 2¹⁴, which holds since
    /// d is clamped at −1100 (exp(−1100) is 0 in double). Needs AVX-512F and AVX-512DQ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> ExpOfNonPositive(Vector512<double> d)
    {
        // vmaxpd returns its second operand when either is NaN, so NaN stays NaN; −∞ becomes −1100.
        d = Avx512F.Max(Vector512.Create(-1100.0), d);
        var n = Avx512F.RoundScale(d * Vector512.Create(11.541560327111707), 0); // 8/ln2, rounded to the nearest integer
        var r = Avx512F.FusedMultiplyAdd(n, Vector512.Create(-0.08664339757001471), d); // − n · ln2/8 (high part)
        r = Avx512F.FusedMultiplyAdd(n, Vector512.Create(2.1549305657018543e-14), r); // − n · ln2/8 (low part: ln2/8 − high)
        var whole = Avx512DQ.ConvertToVector512Int64(n);
        var eighths = Avx512F.PermuteVar8x64(EighthPowersOfTwo, whole & Vector512.Create(7L));
        var twos = Avx512DQ.ConvertToVector512Double(whole >> 3);
        var p = Vector512.Create(1.0 / 5040);
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512<double>.One);
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512<double>.One);
        return Avx512F.Scale(eighths * p, twos);
    }

    /// <summary>The largest logit (negative infinity for an empty row or one without a number).</summary>
    public static float Max(ReadOnlySpan<float> row) => MaxAndArgMax(row).Max;

    /// <summary>The first index of the row's largest logit (the greedy token); 0 for an empty row or a row of NaN.</summary>
    public static int ArgMax(ReadOnlySpan<float> row) => MaxAndArgMax(row).ArgMax;

    /// <summary>
    /// The row's largest logit and the first index holding it, in one pass: each vector lane keeps its largest value and the
    /// index where it first saw it (a strict comparison, so a later equal value never replaces it), then the lanes are merged
    /// by value and, on a tie, by the smaller index. NaN never compares larger, so it is never the maximum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (float Max, int ArgMax) MaxAndArgMax(ReadOnlySpan<float> row)
    {
        var max = float.NegativeInfinity;
        var argMax = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(row);
        if (Vector512.IsHardwareAccelerated && row.Length >= Vector512<float>.Count)
        {
            var best = Vector512.Create(float.NegativeInfinity);
            var bestIndex = Vector512<int>.Zero;
            var index = Vector512<int>.Indices;
            var step = Vector512.Create(Vector512<int>.Count);
            for (; i <= row.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var values = Vector512.LoadUnsafe(ref start, (nuint)i);
                var larger = Vector512.GreaterThan(values, best);
                best = Vector512.ConditionalSelect(larger, values, best);
                bestIndex = Vector512.ConditionalSelect(larger.AsInt32(), index, bestIndex);
                index += step;
            }

            for (var lane = 0; lane < Vector512<float>.Count; lane++)
            {
                (max, argMax) = Merge(max, argMax, best[lane], bestIndex[lane]);
            }
        }
        else if (row.Length >= Vector<float>.Count)
        {
            var best = new Vector<float>(float.NegativeInfinity);
            var bestIndex = Vector<int>.Zero;
            var index = Vector<int>.Indices;
            var step = new Vector<int>(Vector<int>.Count);
            for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var values = new Vector<float>(row[i..]);
                var larger = Vector.GreaterThan(values, best);
                best = Vector.ConditionalSelect(larger, values, best);
                bestIndex = Vector.ConditionalSelect(larger, index, bestIndex);
                index += step;
            }

            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                (max, argMax) = Merge(max, argMax, best[lane], bestIndex[lane]);
            }
        }

        for (; i < row.Length; i++)
        {
            if (row[i] > max)
            {
                (max, argMax) = (row[i], i);
            }
        }

        return (max, argMax);
    }

    // A lane that never saw a number (its best still −∞) does not change the answer: index 0 stands for "none larger yet".
    private static (float Max, int ArgMax) Merge(float max, int argMax, float value, int index) =>
        value > max || (value == max && index < argMax && !float.IsNegativeInfinity(value)) ? (value, index) : (max, argMax);

    /// <summary>
    /// The row's log-probabilities (length vocab), materialized for callers that keep a whole row (the llama.cpp backend);
    /// the GenAI backend reads single entries through <see cref="NextTokenRow"/> instead.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<float> row)
    {
        var logSumExp = LogSumExp(row);
        var result = new double[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            result[i] = row[i] - logSumExp;
        }

        return result;
    }

    /// <summary>The first index of the largest entry of a log-probability row.</summary>
    public static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
