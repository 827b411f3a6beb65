using System.Text;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// A GGUF version 3 file (ggml's gguf.h / gguf-py): magic "GGUF", version, tensor and key/value counts, the key/value
/// metadata, the tensor infos, then the tensor data, every tensor starting on a multiple of <see cref="Alignment"/> from
/// the data section. Writes F32 tensors only (exact: the tiny models' weights are fp32 values). Dimensions are given
/// outermost-first, as the harness's row-major arrays are, and written innermost-first, as ggml's <c>ne</c>.
/// </summary>
internal sealed class GgufWriter
{
    /// <summary>general.alignment's default: tensor data offsets are multiples of 32 bytes.</summary>
    public const int Alignment = 32;

    private const uint Magic = 0x46554747; // "GGUF" read as a little-endian uint32
    private const uint Version = 3;

    private readonly List<(string Key, GgufValueType Type, Action<BinaryWriter> Write)> metadata = [];
    private readonly List<(string Name, long[] Dims, float[] Data)> tensors = [];

    public void Add(string key, string value) => metadata.Add((key, GgufValueType.String, w => WriteString(w, value)));

    public void Add(string key, uint value) => metadata.Add((key, GgufValueType.UInt32, w => w.Write(value)));

    public void Add(string key, float value) => metadata.Add((key, GgufValueType.Float32, w => w.Write(value)));

    public void Add(string key, bool value) => metadata.Add((key, GgufValueType.Bool, w => w.Write((byte)(value ? 1 : 0))));

    public void Add(string key, IReadOnlyList<string> values) => metadata.Add((key, GgufValueType.Array, w =>
    {
        w.Write((uint)GgufValueType.String);
        w.Write((ulong)values.Count);
        foreach (var value in values)
        {
            WriteString(w, value);
        }
    }));

    public void Add(string key, IReadOnlyList<int> values) => metadata.Add((key, GgufValueType.Array, w =>
    {
        w.Write((uint)GgufValueType.Int32);
        w.Write((ulong)values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }));

    /// <summary>A float tensor whose row-major <paramref name="data"/> has the shape <paramref name="outermostFirst"/> ([rows, columns] for a matrix).</summary>
    public void AddTensor(string name, float[] data, params long[] outermostFirst)
    {
        var elements = outermostFirst.Aggregate(1L, (product, dim) => product * dim);
        if (elements != data.Length)
        {
            throw new ArgumentException($"tensor {name} has {data.Length} values, not the {elements} of its shape [{string.Join(", ", outermostFirst)}].", nameof(data));
        }

        tensors.Add((name, outermostFirst.Reverse().ToArray(), data));
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: false);
        w.Write(Magic);
        w.Write(Version);
        w.Write((ulong)tensors.Count);
        w.Write((ulong)metadata.Count);
        foreach (var (key, type, write) in metadata)
        {
            WriteString(w, key);
            w.Write((uint)type);
            write(w);
        }

        var offset = 0L;
        foreach (var (name, dims, data) in tensors)
        {
            WriteString(w, name);
            w.Write((uint)dims.Length);
            foreach (var dim in dims)
            {
                w.Write((ulong)dim);
            }

            w.Write((uint)GgmlType.F32);
            w.Write((ulong)offset);
            offset = Aligned(offset + (data.Length * sizeof(float)));
        }

        Pad(w);
        var dataStart = stream.Position;
        foreach (var (_, _, data) in tensors)
        {
            w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
            Pad(w, dataStart);
        }
    }

    private static long Aligned(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w, long from = 0)
    {
        var position = w.BaseStream.Position - from;
        for (var i = position; i < Aligned(position); i++)
        {
            w.Write((byte)0);
        }
    }

    /// <summary>A gguf_str: uint64 byte length, then UTF-8 bytes without a terminator.</summary>
    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    /// <summary>gguf_type (gguf.h).</summary>
    private enum GgufValueType : uint
    {
        UInt32 = 4,
        Int32 = 5,
        Float32 = 6,
        Bool = 7,
        String = 8,
        Array = 9,
    }

    /// <summary>ggml_type: only F32 is written.</summary>
    private enum GgmlType : uint
    {
        F32 = 0,
    }
}
