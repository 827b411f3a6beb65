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
}
