namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The next-token distribution after a forward call, kept for every continuation that starts there: the logits row (held
/// where GenAI returned it, or copied once into a reused buffer) and its <see cref="RowSummary"/> (log-sum-exp and arg max,
/// computed once). A token's log-probability is logit − log-sum-exp, computed only for the tokens a score reads (the
/// log-softmax is never materialized over the vocabulary). The row is summed on a worker thread while the engine goes on
/// (<see cref="Read"/> takes the logit now and leaves the subtraction for later); the next row waits for that before it
/// releases the tensor or overwrites the buffer.
/// </summary>
internal sealed class NextTokenRow : IDisposable
{
    private float[] logits = [];
    private int length;
    private LogitsTensor? held;
    private RowSummary? summary;

    /// <summary>No row held (before the first forward call, or after <see cref="Clear"/>).</summary>
    public bool IsEmpty => length == 0;

    /// <summary>The greedy token (the first index of the largest logit), or -1 when empty.</summary>
    public int ArgMax => summary?.ArgMax ?? -1;

    /// <summary>log Σ exp(logits) of the held row.</summary>
    public double LogSumExp => summary?.LogSumExp ?? 0;

    /// <summary>log p(<paramref name="token"/>) under the held row.</summary>
    public double this[int token] => Read(token).LogProb;

    private ReadOnlySpan<float> Values => held is { } tensor ? tensor.Row(0, 0) : logits.AsSpan(0, length);

    /// <summary>
    /// <paramref name="token"/>'s logit under the held row, with the row's summary: its log-probability, readable after this
    /// row is replaced.
    /// </summary>
    public TokenLogProb Read(int token) =>
        IsEmpty ? throw new InvalidOperationException("no next-token row is held yet.") : new TokenLogProb(summary!, Values[token], token);

    /// <summary>The held row's log-probabilities over the whole vocabulary (for sampling, which needs all of them).</summary>
    public double[] LogProbabilities()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("no next-token row is held yet.");
        }

        var logSumExp = LogSumExp;
        var values = Values;
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] - logSumExp;
        }

        return result;
    }

    /// <summary>Holds <paramref name="row"/> (copied: the tensor it comes from is released after the read).</summary>
    public void Set(ReadOnlySpan<float> row)
    {
        Release();
        if (logits.Length < row.Length)
        {
            logits = new float[row.Length];
        }

        row.CopyTo(logits);
        length = row.Length;
        summary = RowSummary.Start(logits, length);
    }

    /// <summary>
    /// Takes <paramref name="tensor"/>, a float32 [1, 1, vocab] next-token tensor of its own (GenAI's OgaGenerator_GetLogits
    /// copies the row out of the graph's output), and reads the row where it lies instead of copying it; summed on a worker
    /// thread and disposed with the next row, once summed. A float16 tensor is widened into the buffer instead.
    /// </summary>
    public void Hold(LogitsTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.IsFloat16 || tensor.Batch != 1 || tensor.Positions != 1)
        {
            using (tensor)
            {
                Set(tensor.Row(tensor.Batch - 1, tensor.Positions - 1));
            }

            return;
        }

        // The summary takes the tensor over and disposes it once summed: the next row does not wait for the last one's sum.
        summary?.ReleaseTensor();
        summary = null;
        held = tensor;
        length = tensor.VocabSize;
        summary = RowSummary.Start(tensor);
    }

    public void Clear()
    {
        Release();
        length = 0;
        summary = null;
    }

    public void Dispose() => Clear();

    // The buffer is overwritten only once the worker has stopped reading it; a held tensor goes with its summary.
    private void Release()
    {
        summary?.WaitUntilComputed();
        summary?.ReleaseTensor();
        held = null;
    }
}
