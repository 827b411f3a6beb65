using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class NextTokenRowTests
{
    [Fact]
    public void ATokensLogProbabilityIsItsLogSoftmaxEntry()
    {
        float[] logits = [1f, 2f, 3f, 0.5f, -4f, 2.5f, 0f, 1f, 7f, -1f, 3f];
        var normalizer = logits.Sum(value => Math.Exp(value));
        var row = new NextTokenRow();

        row.Set(logits);

        for (var token = 0; token < logits.Length; token++)
        {
            row[token].Should().BeApproximately(Math.Log(Math.Exp(logits[token]) / normalizer), 1e-12, $"token {token}");
        }

        row.ArgMax.Should().Be(8);
        row.IsEmpty.Should().BeFalse();
    }

    [Fact]
    public void ARowIsCopiedSoTheTensorItCameFromMayBeReleased()
    {
        float[] logits = [0f, 1f, 2f];
        var row = new NextTokenRow();
        row.Set(logits);
        var before = row[2];

        logits[2] = -100f;

        row[2].Should().Be(before);
        row.ArgMax.Should().Be(2);
    }

    [Fact]
    public void AShorterRowReplacesALongerOneEntirely()
    {
        var row = new NextTokenRow();
        row.Set([9f, 9f, 9f, 9f, 9f]);

        row.Set([0f, 0f]);

        row[0].Should().BeApproximately(Math.Log(0.5), 1e-12);
        row.ArgMax.Should().Be(0);
    }

    [Fact]
    public void AClearedRowHoldsNothingAndRefusesReads()
    {
        var row = new NextTokenRow();
        row.Set([1f, 2f]);

        row.Clear();

        row.IsEmpty.Should().BeTrue();
        row.ArgMax.Should().Be(-1);
        FluentActions.Invoking(() => row[0]).Should().Throw<InvalidOperationException>();
    }
    [Fact]
    public void AReadLogProbabilityKeepsItsRowAfterTheRowIsReplaced()
    {
        float[] first = [0f, 1f, 2f, 3f];
        float[] second = [5f, -5f, 0f, 0f];
        var row = new NextTokenRow();
        row.Set(first);

        var read = row.Read(3);
        row.Set(second);

        var normalizer = first.Sum(value => Math.Exp(value));
        read.LogProb.Should().BeApproximately(3 - Math.Log(normalizer), 1e-12);
        read.IsGreedy.Should().BeTrue("3 is the first row's arg max");
        row.Read(3).IsGreedy.Should().BeFalse("the second row's arg max is 0");
    }

    [Fact]
    public void EveryRowIsSummedFromItsOwnValuesWhileTheNextOneIsCopiedIn()
    {
        // The worker sums a row while the caller goes on; the next Set must wait for it before overwriting the buffer. Rows as
        // long as Qwen's vocabulary, set back to back, make a missing wait sum a mixture of two rows.
        var random = new Random(7);
        var rows = new float[40][];
        var tokens = new int[rows.Length];
        for (var step = 0; step < rows.Length; step++)
        {
            rows[step] = new float[151_936];
            for (var i = 0; i < rows[step].Length; i++)
            {
                rows[step][i] = (float)(random.NextDouble() * 8 - 4) + step * 0.25f;
            }

            tokens[step] = random.Next(rows[step].Length);
        }

        var row = new NextTokenRow();
        var reads = new TokenLogProb[rows.Length];
        for (var step = 0; step < rows.Length; step++)
        {
            row.Set(rows[step]);
            reads[step] = row.Read(tokens[step]);
        }

        for (var step = 0; step < rows.Length; step++)
        {
            var max = (double)rows[step].Max();
            var normalizer = rows[step].Sum(value => Math.Exp(value - max));
            reads[step].LogProb.Should().BeApproximately(rows[step][tokens[step]] - (max + Math.Log(normalizer)), 1e-9, $"row {step}");
        }
    }

    [Fact]
    public void TheSummaryIsLogSoftmaxRowsOwnToTheLastBit()
    {
        var random = new Random(11);
        var values = new float[151_936];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 20 - 10);
        }

        var row = new NextTokenRow();
        row.Set(values);

        row.LogSumExp.Should().Be(LogSoftmaxRow.LogSumExp(values));
        row.ArgMax.Should().Be(LogSoftmaxRow.ArgMax(values));
    }
    [Fact]
    public void TheWholeRowsLogProbabilitiesAreTheMaterializedLogSoftmax()
    {
        float[] logits = [0.5f, -3f, 2.25f, 2.25f, 1f];
        var row = new NextTokenRow();

        FluentActions.Invoking(() => row.LogProbabilities()).Should().Throw<InvalidOperationException>();
        row.Set(logits);

        row.LogProbabilities().Should().Equal(LogSoftmaxRow.Compute(logits));
    }
}
