namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// What a log-probability needs of one logits row beyond the logit itself: the row's log-sum-exp and arg max
/// (<see cref="LogSoftmaxRow"/>), computed on a thread-pool thread so the engine runs the next forward call while the
/// vocabulary is summed. Whoever comes first computes it: reading either value before a worker has started takes the work
/// over on the reading thread (so a busy pool never makes the engine wait longer than summing itself would), and waits
/// only for a worker that is already summing. Immutable once computed, so a score can keep it after its row is replaced.
/// </summary>
internal sealed class RowSummary
{
    private const int NotStarted = 0;
    private const int Summing = 1;
    private const int Computed = 2;

    private const int SummedFlag = 1;
    private const int ReleasedFlag = 2;

    private readonly LogitsTensor? tensor;
    private int lifetime;
    private readonly float[]? buffer;
    private readonly int length;
    private readonly ManualResetEventSlim computed = new();
    private int state;
    private double logSumExp;
    private int argMax;

    private RowSummary(LogitsTensor? tensor, float[]? buffer, int length)
    {
        this.tensor = tensor;
        this.buffer = buffer;
        this.length = length;
        ThreadPool.UnsafeQueueUserWorkItem(static summary => summary.TrySum(), this, preferLocal: false);
    }

    /// <summary>log Σ exp(row).</summary>
    public double LogSumExp
    {
        get
        {
            WaitUntilComputed();
            return logSumExp;
        }
    }

    /// <summary>The first index of the row's largest logit.</summary>
    public int ArgMax
    {
        get
        {
            WaitUntilComputed();
            return argMax;
        }
    }

    /// <summary>
    /// The summary of <paramref name="tensor"/>'s only row ([1, 1, vocab] float32), which takes the tensor over: it is disposed
    /// once <see cref="ReleaseTensor"/> was called and the row is summed, by whichever of the two comes last.
    /// </summary>
    public static RowSummary Start(LogitsTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(tensor, null, tensor.VocabSize);
    }

    /// <summary>
    /// The summary of <paramref name="buffer"/>'s first <paramref name="length"/> values. The buffer must not be written
    /// before <see cref="WaitUntilComputed"/> returns.
    /// </summary>
    public static RowSummary Start(float[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        return new(null, buffer, length);
    }

    /// <summary>
    /// The row's owner is done with it: the tensor is disposed now when the row is summed, else by the worker when it is (so
    /// the engine's next row never waits for this one).
    /// </summary>
    public void ReleaseTensor()
    {
        if ((Interlocked.Or(ref lifetime, ReleasedFlag) & SummedFlag) != 0)
        {
            tensor?.Dispose();
        }
    }

    /// <summary>Returns once the summary is computed (here, when no worker has started it) and nothing reads the row any more.</summary>
    public void WaitUntilComputed()
    {
        if (Volatile.Read(ref state) == Computed)
        {
            return;
        }

        TrySum();
        computed.Wait();
    }

    private void TrySum()
    {
        if (Interlocked.CompareExchange(ref state, Summing, NotStarted) != NotStarted)
        {
            return;
        }

        var row = tensor is not null ? tensor.Row(0, 0) : buffer.AsSpan(0, length);
        var (max, index) = LogSoftmaxRow.MaxAndArgMax(row);
        logSumExp = LogSoftmaxRow.LogSumExp(row, max);
        argMax = index;
        Volatile.Write(ref state, Computed);
        computed.Set();
        if ((Interlocked.Or(ref lifetime, SummedFlag) & ReleasedFlag) != 0)
        {
            tensor?.Dispose();
        }
    }
}
