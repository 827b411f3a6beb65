using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>Appends nodes, initializers and typed inputs/outputs to an ONNX graph with generated value names.</summary>
/// <param name="graphName">The graph's name.</param>
/// <param name="constantsAsNodes">Int64 constants (shapes, axes, indices) as Constant nodes, as the model builder writes them,
/// so they stay inside model.onnx (ONNX Runtime's shape inference cannot read them from external data).</param>
internal sealed class OnnxGraphBuilder(string graphName, bool constantsAsNodes = false)
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

    /// <summary>Adds a node with several outputs (an empty name skips an optional one) in <paramref name="domain"/>.</summary>
    public string[] NodeWithOutputs(string opType, string domain, IReadOnlyList<string> inputs, int outputCount, params AttributeProto[] attributes)
    {
        var outputs = Enumerable.Range(0, outputCount).Select(i => $"{opType.ToLowerInvariant()}_{counter}_{i}").ToArray();
        counter++;
        NodeIn(opType, domain, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds a node of <paramref name="domain"/> (e.g. com.microsoft) with the given outputs.</summary>
    public void NodeIn(string opType, string domain, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = $"node_{Graph.Node.Count}_{opType}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
    }

    /// <summary>Adds a node of <paramref name="domain"/> and returns its one output name.</summary>
    public string NodeIn(string opType, string domain, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        var output = $"{opType.ToLowerInvariant()}_{counter++}";
        NodeIn(opType, domain, inputs, [output], attributes);
        return output;
    }

    public string Floats(string name, float[] values, params long[] dims) =>
        Initializer(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    public string Bytes(string name, byte[] values, params long[] dims) =>
        Initializer(name, TensorProto.Types.DataType.Uint8, values, dims);

    private string Initializer(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> raw, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(raw);
        Graph.Initializer.Add(tensor);
        return name;
    }

    public string Int64s(long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = $"const_{counter++}", DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        if (constantsAsNodes)
        {
            var value = new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = tensor };
            return Node("Constant", [], tensor.Name, value);
        }

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
