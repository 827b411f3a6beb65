namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The next-token distribution after a forward call, kept for every continuation that starts there: the logits row (held
/// where GenAI returned it, or copied once into a reused buffer), its log-sum-exp and arg max computed once. A token's
/// log-probability is logit − log-sum-exp, computed only for the tokens a score reads (the log-softmax is never
/// materialized over the vocabulary).
/// </summary>
internal sealed class NextTokenRow : IDisposable
{
    private float[] logits = [];
    private int length;
    private LogitsTensor? held;

    /// <summary>No row held (before the first forward call, or after <see cref="Clear"/>).</summary>
    public bool IsEmpty => length == 0;

    /// <summary>The greedy token (the first index of the largest logit), or -1 when empty.</summary>
    public int ArgMax { get; private set; } = -1;

    /// <summary>log Σ exp(logits) of the held row.</summary>
    public double LogSumExp { get; private set; }

    /// <summary>log p(<paramref name="token"/>) under the held row.</summary>
    public double this[int token] => IsEmpty ? throw new InvalidOperationException("no next-token row is held yet.") : Values[token] - LogSumExp;

    private ReadOnlySpan<float> Values => held is { } tensor ? tensor.Row(0, 0) : logits.AsSpan(0, length);

    /// <summary>Holds <paramref name="row"/> (copied: the tensor it comes from is released after the read).</summary>
    public void Set(ReadOnlySpan<float> row)
    {
        Release();
        if (logits.Length < row.Length)
        {
            logits = new float[row.Length];
        }

        row.CopyTo(logits);
        Summarize(row);
    }

    /// <summary>
    /// Takes <paramref name="tensor"/>, a float32 [1, 1, vocab] next-token tensor of its own (GenAI's OgaGenerator_GetLogits
    /// copies the row out of the graph's output), and reads the row where it lies instead of copying it; disposed with the
    /// next row. A float16 tensor is widened into the buffer instead.
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

        Release();
        held = tensor;
        Summarize(tensor.Row(0, 0));
    }

    public void Clear()
    {
        Release();
        length = 0;
        ArgMax = -1;
        LogSumExp = 0;
    }

    public void Dispose() => Clear();

    private void Summarize(ReadOnlySpan<float> row)
    {
        length = row.Length;
        var (max, argMax) = LogSoftmaxRow.MaxAndArgMax(row);
        LogSumExp = LogSoftmaxRow.LogSumExp(row, max);
        ArgMax = argMax;
    }

    private void Release()
    {
        held?.Dispose();
        held = null;
    }
}
