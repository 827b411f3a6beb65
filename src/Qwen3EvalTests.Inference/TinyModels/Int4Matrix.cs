namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// A weight matrix [rows = N outputs, columns = K inputs] whose every block of 32 inputs is one fp32 scale times integers
/// in [-7, 7], so symmetric 4-bit block quantization (com.microsoft::MatMulNBits, bits 4, block_size 32, zero point 8)
/// stores it without loss: the int4 export and the fp32 graphs compute with the same weights.
/// </summary>
internal sealed class Int4Matrix
{
    public const int BlockSize = 32;

    /// <summary>Bytes per block in MatMulNBits' B input: 32 four-bit values.</summary>
    public const int BlobSize = BlockSize * 4 / 8;

    private readonly sbyte[] quants;
    private readonly float[] scales;

    private Int4Matrix(int rows, int columns, sbyte[] quants, float[] scales)
    {
        Rows = rows;
        Columns = columns;
        this.quants = quants;
        this.scales = scales;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Blocks per row (the last one zero-padded when <see cref="Columns"/> is not a multiple of 32).</summary>
    public int BlocksPerRow => (Columns + BlockSize - 1) / BlockSize;

    /// <summary>Random weights of magnitude about <paramref name="scale"/>: per block a scale near scale/7, integers uniform in [-7, 7].</summary>
    public static Int4Matrix Random(SplitMix64 random, int rows, int columns, float scale)
    {
        var blocks = (columns + BlockSize - 1) / BlockSize;
        var quants = new sbyte[rows * columns];
        var scales = new float[rows * blocks];
        for (var row = 0; row < rows; row++)
        {
            for (var block = 0; block < blocks; block++)
            {
                scales[row * blocks + block] = scale / 7f * (1f + random.NextSymmetric(0.25f));
            }

            for (var column = 0; column < columns; column++)
            {
                quants[row * columns + column] = (sbyte)((long)(random.Next() % 15) - 7);
            }
        }

        return new Int4Matrix(rows, columns, quants, scales);
    }

    /// <summary>The rows of several matrices one after another (the packed q/k/v projection).</summary>
    public static Int4Matrix StackRows(params Int4Matrix[] parts)
    {
        var columns = parts[0].Columns;
        if (parts.Any(part => part.Columns != columns))
        {
            throw new ArgumentException("Stacked matrices must have the same number of columns.", nameof(parts));
        }

        return new Int4Matrix(parts.Sum(part => part.Rows), columns, [.. parts.SelectMany(part => part.quants)], [.. parts.SelectMany(part => part.scales)]);
    }

    public float this[int row, int column] => quants[row * Columns + column] * scales[row * BlocksPerRow + column / BlockSize];

    /// <summary>The values row by row, [N, K] (an embedding table, or a Gemm with transB).</summary>
    public float[] RowMajor()
    {
        var values = new float[Rows * Columns];
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                values[row * Columns + column] = this[row, column];
            }
        }

        return values;
    }

    /// <summary>The values as a MatMul right-hand side, [K, N].</summary>
    public float[] Transposed()
    {
        var values = new float[Rows * Columns];
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                values[column * Rows + row] = this[row, column];
            }
        }

        return values;
    }

    /// <summary>
    /// MatMulNBits' B: uint8 [N, blocks, 16]; element 2i of a block in the low nibble of byte i, element 2i+1 in the high
    /// nibble, each stored as q + 8 (the default zero point of a symmetric export); padding stores 8 (zero).
    /// </summary>
    public byte[] PackedBlocks()
    {
        var blocks = BlocksPerRow;
        var packed = new byte[Rows * blocks * BlobSize];
        for (var row = 0; row < Rows; row++)
        {
            for (var k = 0; k < blocks * BlockSize; k++)
            {
                var stored = k < Columns ? quants[row * Columns + k] + 8 : 8;
                var index = (row * blocks * BlockSize + k) / 2;
                packed[index] |= (byte)(k % 2 == 0 ? stored : stored << 4);
            }
        }

        return packed;
    }

    /// <summary>MatMulNBits' scales: fp32 [N × blocks], row by row.</summary>
    public float[] Scales() => (float[])scales.Clone();
}
