using Google.Protobuf;
using Onnx;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>Writes an ONNX model as the model builder saves it: the graph in model.onnx, every initializer in one model.onnx.data.</summary>
internal static class OnnxExternalData
{
    /// <summary>Offsets are aligned so each tensor can be memory-mapped.</summary>
    private const int Alignment = 64;

    public static void Save(ModelProto model, string modelPath)
    {
        var dataFileName = Path.GetFileName(modelPath) + ".data";
        using (var data = File.Create(Path.Combine(Path.GetDirectoryName(modelPath)!, dataFileName)))
        {
            foreach (var tensor in model.Graph.Initializer)
            {
                var padding = (int)((Alignment - data.Position % Alignment) % Alignment);
                data.Write(new byte[padding]);
                var offset = data.Position;
                tensor.RawData.WriteTo(data);
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = dataFileName });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = tensor.RawData.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                tensor.DataLocation = TensorProto.Types.DataLocation.External;
                tensor.RawData = ByteString.Empty;
            }
        }

        using var stream = File.Create(modelPath);
        model.WriteTo(stream);
    }
}
