namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The next-token distribution after a forward call, kept for every continuation that starts there: the logits row copied
/// once into a reused buffer, its log-sum-exp and arg max computed once. A token's log-probability is logit − log-sum-exp,
/// computed only for the tokens a score reads (the log-softmax is never materialized over the vocabulary).
/// </summary>
internal sealed class NextTokenRow
{
    private float[] logits = [];
    private int length;

    /// <summary>No row held (before the first forward call, or after <see cref="Clear"/>).</summary>
    public bool IsEmpty => length == 0;

    /// <summary>The greedy token (the first index of the largest logit), or -1 when empty.</summary>
    public int ArgMax { get; private set; } = -1;

    /// <summary>log Σ exp(logits) of the held row.</summary>
    public double LogSumExp { get; private set; }

    /// <summary>log p(<paramref name="token"/>) under the held row.</summary>
    public double this[int token] => IsEmpty ? throw new InvalidOperationException("no next-token row is held yet.") : logits[token] - LogSumExp;

    /// <summary>Holds <paramref name="row"/> (copied: the tensor it comes from is released after the read).</summary>
    public void Set(ReadOnlySpan<float> row)
    {
        if (logits.Length < row.Length)
        {
            logits = new float[row.Length];
        }

        row.CopyTo(logits);
        length = row.Length;
        var (max, argMax) = LogSoftmaxRow.MaxAndArgMax(row);
        LogSumExp = LogSoftmaxRow.LogSumExp(row, max);
        ArgMax = argMax;
    }

    public void Clear()
    {
        length = 0;
        ArgMax = -1;
        LogSumExp = 0;
    }
}
