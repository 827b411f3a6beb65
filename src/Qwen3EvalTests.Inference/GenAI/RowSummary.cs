namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// What a log-probability needs of one logits row beyond the logit itself: the row's log-sum-exp and arg max
/// (<see cref="LogSoftmaxRow"/>), computed on a worker thread so the engine runs the next forward call while the vocabulary
/// is summed; reading either value waits for that work (or does it, when no worker has started it yet). Immutable once
/// computed, so a score can keep it after its row is replaced.
/// </summary>
internal sealed class RowSummary
{
    private readonly Task<(double LogSumExp, int ArgMax)> work;

    private RowSummary(Task<(double LogSumExp, int ArgMax)> work) => this.work = work;

    /// <summary>log Σ exp(row) (waits for the worker when it is still summing).</summary>
    public double LogSumExp => work.GetAwaiter().GetResult().LogSumExp;

    /// <summary>The first index of the row's largest logit (waits like <see cref="LogSumExp"/>).</summary>
    public int ArgMax => work.GetAwaiter().GetResult().ArgMax;

    /// <summary>
    /// The summary of <paramref name="tensor"/>'s only row ([1, 1, vocab] float32), computed on the thread pool. The tensor
    /// must not be disposed before <see cref="WaitUntilComputed"/> returns.
    /// </summary>
    public static RowSummary Start(LogitsTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(Task.Run(() => Summarize(tensor.Row(0, 0))));
    }

    /// <summary>
    /// The summary of <paramref name="buffer"/>'s first <paramref name="length"/> values, computed on the thread pool. The
    /// buffer must not be written before <see cref="WaitUntilComputed"/> returns.
    /// </summary>
    public static RowSummary Start(float[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        return new(Task.Run(() => Summarize(buffer.AsSpan(0, length))));
    }

    /// <summary>Returns once nothing reads the row any more.</summary>
    public void WaitUntilComputed() => work.GetAwaiter().GetResult();

    private static (double LogSumExp, int ArgMax) Summarize(ReadOnlySpan<float> row)
    {
        var (max, argMax) = LogSoftmaxRow.MaxAndArgMax(row);
        return (LogSoftmaxRow.LogSumExp(row, max), argMax);
    }
}
