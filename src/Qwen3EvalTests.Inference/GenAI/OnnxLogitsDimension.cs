using Google.Protobuf;
using Onnx;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>Reads the vocabulary size from an ONNX graph's logits output shape, without running it.</summary>
internal static class OnnxLogitsDimension
{
    /// <summary>The last dimension of output "logits" when it is a number; null when symbolic or absent.</summary>
    /// <exception cref="EvalInputException">The file is not an ONNX model.</exception>
    public static long? Read(string modelPath)
    {
        ModelProto model;
        try
        {
            using var stream = File.OpenRead(modelPath);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EvalInputException(
                $"the ONNX file is corrupt ({e.Message}); export or download the model folder {Path.GetDirectoryName(modelPath)} again.",
                modelPath,
                inner: e);
        }

        if (model.Graph is null)
        {
            throw new EvalInputException($"the ONNX file has no graph; export the model folder {Path.GetDirectoryName(modelPath)} again.", modelPath);
        }

        var logits = model.Graph.Output.FirstOrDefault(output => output.Name == "logits");
        var dims = logits?.Type?.TensorType?.Shape?.Dim;
        if (dims is null || dims.Count == 0)
        {
            return null;
        }

        var last = dims[^1];
        return last.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? last.DimValue : null;
    }
}
