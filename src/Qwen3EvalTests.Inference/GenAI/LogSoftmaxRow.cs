namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>Log-softmax over one logits row, in double precision.</summary>
internal static class LogSoftmaxRow
{
    public static double LogSumExp(ReadOnlySpan<float> row)
    {
        var max = float.NegativeInfinity;
        foreach (var value in row)
        {
            max = Math.Max(max, value);
        }

        var sum = 0.0;
        foreach (var value in row)
        {
            sum += Math.Exp(value - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>The row's log-probabilities (length vocab).</summary>
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

    public static int ArgMax(ReadOnlySpan<float> row)
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
