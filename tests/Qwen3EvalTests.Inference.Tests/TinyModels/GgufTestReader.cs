using System.Text;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

/// <summary>
/// A minimal GGUF v3 reader written from the format's description (ggml docs/gguf.md), independent of the writer under
/// test: header, typed key/values, tensor infos and the data section's alignment. Values come back as .NET objects
/// (uint, int, float, bool, string, object[]) so a test sees the type the file declares.
/// </summary>
internal sealed class GgufTestReader
{
    private GgufTestReader(uint version, Dictionary<string, (uint Type, object Value)> metadata, List<GgufTestTensor> tensors, long dataOffset, long fileLength)
    {
        Version = version;
        Metadata = metadata;
        Tensors = tensors;
        DataOffset = dataOffset;
        FileLength = fileLength;
    }

    public uint Version { get; }

    /// <summary>Key → (gguf_type, value).</summary>
    public IReadOnlyDictionary<string, (uint Type, object Value)> Metadata { get; }

    public IReadOnlyList<GgufTestTensor> Tensors { get; }

    /// <summary>Where the tensor data starts in the file.</summary>
    public long DataOffset { get; }

    public long FileLength { get; }

    public static GgufTestReader Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(r.ReadBytes(4));
        if (magic != "GGUF")
        {
            throw new InvalidDataException($"{path} starts with '{magic}', not GGUF");
        }

        var version = r.ReadUInt32();
        var tensorCount = r.ReadUInt64();
        var kvCount = r.ReadUInt64();
        var metadata = new Dictionary<string, (uint, object)>(StringComparer.Ordinal);
        for (ulong i = 0; i < kvCount; i++)
        {
            var key = ReadString(r);
            var type = r.ReadUInt32();
            metadata.Add(key, (type, ReadValue(r, type)));
        }

        var tensors = new List<GgufTestTensor>();
        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = ReadString(r);
            var dims = new long[r.ReadUInt32()];
            for (var d = 0; d < dims.Length; d++)
            {
                dims[d] = (long)r.ReadUInt64();
            }

            tensors.Add(new GgufTestTensor(name, dims, r.ReadUInt32(), (long)r.ReadUInt64()));
        }

        var alignment = metadata.TryGetValue("general.alignment", out var a) ? (uint)a.Item2 : 32u;
        var dataOffset = (stream.Position + alignment - 1) / alignment * alignment;
        return new GgufTestReader(version, metadata, tensors, dataOffset, stream.Length);
    }

    /// <summary>The float32 values of a tensor of type 0 (F32), innermost dimension fastest.</summary>
    public float[] ReadF32(string path, GgufTestTensor tensor)
    {
        var count = tensor.Dims.Aggregate(1L, (p, d) => p * d);
        using var stream = File.OpenRead(path);
        stream.Position = DataOffset + tensor.Offset;
        var bytes = new byte[count * 4];
        stream.ReadExactly(bytes);
        var values = new float[count];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static string ReadString(BinaryReader r) => Encoding.UTF8.GetString(r.ReadBytes(checked((int)r.ReadUInt64())));

    private static object ReadValue(BinaryReader r, uint type) => type switch
    {
        0 => r.ReadByte(),
        1 => r.ReadSByte(),
        2 => r.ReadUInt16(),
        3 => r.ReadInt16(),
        4 => r.ReadUInt32(),
        5 => r.ReadInt32(),
        6 => r.ReadSingle(),
        7 => r.ReadByte() != 0,
        8 => ReadString(r),
        9 => ReadArray(r),
        10 => r.ReadUInt64(),
        11 => r.ReadInt64(),
        12 => r.ReadDouble(),
        _ => throw new InvalidDataException($"unknown gguf_type {type}"),
    };

    private static object[] ReadArray(BinaryReader r)
    {
        var type = r.ReadUInt32();
        var values = new object[checked((int)r.ReadUInt64())];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadValue(r, type);
        }

        return values;
    }
}

/// <summary>One tensor info: ne innermost-first, ggml type, offset from the data section.</summary>
internal sealed record GgufTestTensor(string Name, long[] Dims, uint Type, long Offset);
