using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>Appends nodes, initializers and typed inputs/outputs to an ONNX graph with generated value names.</summary>
internal sealed class OnnxGraphBuilder(string graphName)
{
    private int counter;

    public GraphProto Graph { get; } = new() { Name = graphName };

    /// <summary>Adds a node and returns its (first) output name.</summary>
    public string Node(string opType, IReadOnlyList<string> inputs, string? output = null, params AttributeProto[] attributes)
    {
        var name = output ?? $"{opType.ToLowerInvariant()}_{counter++}";
        var node = new NodeProto { OpType = opType, Name = $"node_{Graph.Node.Count}_{opType}" };
        node.Input.AddRange(inputs);
        node.Output.Add(name);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return name;
    }

    public string Floats(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        Graph.Initializer.Add(tensor);
        return name;
    }

    public string Int64s(long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = $"const_{counter++}", DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Int64Vector(params long[] values) => Int64s(values, values.Length);

    public string Int64Scalar(long value) => Int64s([value]);

    public string FloatScalar(float value) => Floats($"const_{counter++}", [value]);

    /// <summary>Declares a graph input; a dimension is a number or a symbolic name.</summary>
    public void Input(string name, TensorProto.Types.DataType type, params string[] dims) => Graph.Input.Add(ValueInfo(name, type, dims));

    public void Output(string name, TensorProto.Types.DataType type, params string[] dims) => Graph.Output.Add(ValueInfo(name, type, dims));

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, string[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(long.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? new TensorShapeProto.Types.Dimension { DimValue = value }
                : new TensorShapeProto.Types.Dimension { DimParam = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
