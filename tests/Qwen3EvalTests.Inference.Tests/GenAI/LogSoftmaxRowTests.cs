using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>The vectorized log-sum-exp and arg max against the textbook definitions, computed here one element at a time.</summary>
public sealed class LogSoftmaxRowTests
{
    /// <summary>log Σ exp(x) by its definition, in double precision, shifted by the maximum so large logits do not overflow.</summary>
    private static double Reference(float[] row)
    {
        var max = row.Max();
        return max + Math.Log(row.Sum(value => Math.Exp((double)value - max)));
    }

    private static float[] RandomRow(int length, int seed, float scale)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale))];
    }

    [Theory]
    [InlineData(151_936, 1, 10f)] // Qwen's vocabulary
    [InlineData(300, 2, 10f)] // the byte tokenizer's
    [InlineData(13, 3, 10f)] // shorter than two vectors: the scalar tail
    [InlineData(1, 4, 10f)]
    [InlineData(4_099, 5, 1_000f)] // logits far beyond exp's range
    public void LogSumExpIsTheDefinitionsValue(int length, int seed, float scale)
    {
        var row = RandomRow(length, seed, scale);

        LogSoftmaxRow.LogSumExp(row).Should().BeApproximately(Reference(row), 1e-9 * Math.Max(1, Math.Abs(Reference(row))));
    }

    [Fact]
    public void ProbabilitiesFromTheLogSumExpSumToOne()
    {
        var row = RandomRow(151_936, 6, 20f);

        var logSumExp = LogSoftmaxRow.LogSumExp(row);

        row.Sum(value => Math.Exp(value - logSumExp)).Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void NegativeInfinityLogitsContributeNothing()
    {
        float[] row = [float.NegativeInfinity, 0f, float.NegativeInfinity, MathF.Log(3f), .. Enumerable.Repeat(float.NegativeInfinity, 20)];

        LogSoftmaxRow.LogSumExp(row).Should().BeApproximately(Math.Log(4.0), 1e-7);
        LogSoftmaxRow.LogSumExp([.. Enumerable.Repeat(float.NegativeInfinity, 20)]).Should().Be(double.NegativeInfinity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(151_938)] // in the scalar tail: 151,939 is no multiple of a vector's width
    public void ArgMaxIsTheLargestLogitsIndex(int index)
    {
        var row = RandomRow(151_939, 7, 10f);
        row[index] = 11f;

        LogSoftmaxRow.ArgMax(row).Should().Be(index);
        LogSoftmaxRow.Max(row).Should().Be(11f);
    }

    [Fact]
    public void ArgMaxOfTiedLogitsIsTheFirstAsAStrictComparisonLoopFindsIt()
    {
        var row = RandomRow(1_001, 8, 1f);
        row[1_000] = 5f;
        row[999] = 5f;
        row[17] = 5f;

        LogSoftmaxRow.ArgMax(row).Should().Be(17);
        LogSoftmaxRow.ArgMax(row.AsSpan(18)).Should().Be(999 - 18);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(151_936)]
    public void ANaNLogitIsNeverTheMaximumAndMakesTheLogSumExpNaN(int length)
    {
        var row = RandomRow(length, 10, 10f);
        row[length / 2] = float.NaN;
        var expected = Enumerable.Range(0, length).Where(i => i != length / 2).MaxBy(i => row[i]);

        LogSoftmaxRow.MaxAndArgMax(row).Should().Be((row[expected], expected));
        double.IsNaN(LogSoftmaxRow.LogSumExp(row)).Should().BeTrue();
        LogSoftmaxRow.ArgMax([.. Enumerable.Repeat(float.NaN, length)]).Should().Be(0);
    }

    [Fact]
    public void AMaterializedRowIsEachLogitMinusTheLogSumExpAndItsArgMaxIsTheLogitsArgMax()
    {
        var row = RandomRow(1_003, 9, 10f);
        row[500] = 12f;

        var logProbs = LogSoftmaxRow.Compute(row);

        var reference = Reference(row);
        logProbs.Should().HaveCount(row.Length);
        for (var i = 0; i < row.Length; i += 97)
        {
            logProbs[i].Should().BeApproximately(row[i] - reference, 1e-9, $"token {i}");
        }

        LogSoftmaxRow.ArgMax(logProbs).Should().Be(500);
    }
    [Fact]
    public void TheVectorExpIsMathExpToWithinFourUnitsInTheLastPlace()
    {
        SkipWithoutAvx512();
        var random = new Random(3);
        var worst = 0.0;
        for (var step = 0; step < 50_000; step++)
        {
            // Most of a row's terms lie within a few units of its maximum; the rest spread down to where exp leaves the normal range.
            var lanes = Enumerable.Range(0, 8).Select(_ => step % 2 == 0 ? -random.NextDouble() * 8 : -random.NextDouble() * 708).ToArray();
            var actual = LogSoftmaxRow.ExpOfNonPositive(Vector512.Create(lanes));
            for (var lane = 0; lane < 8; lane++)
            {
                var expected = Math.Exp(lanes[lane]);
                worst = Math.Max(worst, Math.Abs(actual[lane] - expected) / expected);
            }
        }

        worst.Should().BeLessThan(4 * Math.Pow(2, -53) * 2, "within 4 units in the last place (a unit is at most 2^-52 of the value)");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(-745.2, 0.0)]
    [InlineData(-1e6, 0.0)]
    [InlineData(-1e-300, 1.0)]
    public void TheVectorExpAtTheEdges(double d, double expected)
    {
        SkipWithoutAvx512();
        LogSoftmaxRow.ExpOfNonPositive(Vector512.Create(d))[0].Should().Be(expected);
    }

    [Fact]
    public void TheVectorExpOfNaNIsNaNAndOfSubnormalResultsIsWithinOneSubnormalUnit()
    {
        SkipWithoutAvx512();
        double.IsNaN(LogSoftmaxRow.ExpOfNonPositive(Vector512.Create(double.NaN))[0]).Should().BeTrue();
        foreach (var d in new[] { -708.5, -720.0, -730.25, -744.0 })
        {
            LogSoftmaxRow.ExpOfNonPositive(Vector512.Create(d))[0].Should().BeApproximately(Math.Exp(d), double.Epsilon * 2, $"exp({d})");
        }
    }

    private static void SkipWithoutAvx512()
    {
        if (!Avx512DQ.IsSupported)
        {
            Assert.Skip("this CPU has no AVX-512F/DQ: LogSumExp uses Vector<double>.Exp instead of ExpOfNonPositive.");
        }
    }
}
