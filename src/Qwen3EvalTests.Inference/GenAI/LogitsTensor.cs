using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The logits of one forward call, read as the export gives them: float32 (CPU exports) or float16 (CUDA exports),
/// [batch, positions, vocab] with every appended position or only the last one (prune_lm_head). GenAI's GetData&lt;T&gt;
/// does no type check, so the element type is read from the tensor first; float16 rows are widened to float on read.
/// </summary>
internal sealed class LogitsTensor : IDisposable
{
    private readonly Tensor tensor;
    private readonly long[] shape;
    private readonly bool float16;
    private readonly float[] widened;

    // The float32 data's native address and length, read once: GenAI's GetData asks the native side for the shape and the
    // data pointer on every call, and a held next-token row is read once per scored token.
    private readonly nint floats;
    private readonly int floatCount;

    public LogitsTensor(Tensor tensor, int vocabSize)
    {
        this.tensor = tensor;
        shape = tensor.Shape();
        var type = tensor.Type();
        if (type is not (ElementType.float32 or ElementType.float16))
        {
            tensor.Dispose();
            throw new InvalidOperationException($"GenAI returned logits of element type {type}; the harness reads float32 or float16 logits.");
        }

        if (shape.Length != 3 || shape[2] != vocabSize)
        {
            tensor.Dispose();
            throw new InvalidOperationException($"GenAI returned logits of shape [{string.Join(", ", shape)}]; expected [batch, positions, {vocabSize}].");
        }

        float16 = type == ElementType.float16;
        widened = float16 ? new float[vocabSize] : [];
        if (!float16)
        {
            (floats, floatCount) = AddressOf(tensor.GetData<float>());
        }
    }

    public int Batch => (int)shape[0];

    /// <summary>Positions per batch row: the appended tokens, or 1 when the graph returns the last position only.</summary>
    public int Positions => (int)shape[1];

    public int VocabSize => (int)shape[2];

    public bool IsFloat16 => float16;

    /// <summary>One row as floats; a float16 row is widened into a buffer that the next call overwrites.</summary>
    public ReadOnlySpan<float> Row(int batch, int position)
    {
        var start = ((long)batch * Positions + position) * VocabSize;
        if (!float16)
        {
            return Floats().Slice((int)start, VocabSize);
        }

        var halves = tensor.GetData<Half>().Slice((int)start, VocabSize);
        for (var i = 0; i < halves.Length; i++)
        {
            widened[i] = (float)halves[i];
        }

        return widened;
    }

    public void Dispose() => tensor.Dispose();

    // The tensor's memory is native (not moved by the GC) and lives until Dispose.
    private static unsafe (nint Address, int Count) AddressOf(ReadOnlySpan<float> data)
    {
        fixed (float* first = data)
        {
            return ((nint)first, data.Length);
        }
    }

    private unsafe ReadOnlySpan<float> Floats() => new((void*)floats, floatCount);
}
