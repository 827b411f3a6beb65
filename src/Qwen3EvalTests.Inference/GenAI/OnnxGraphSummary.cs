using Google.Protobuf;
using Onnx;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// What a decoder graph is, read from model.onnx without running it (external weights are not loaded): its operators,
/// inputs, the logits output's element type and dimensions, the KV-cache inputs' dimensions, and whether its attention
/// is a CUDA export's (GroupQueryAttention with q/k-norm weights as inputs 14/15, which the CPU provider rejects).
/// </summary>
/// <param name="OperatorCounts">Node count per operator, "com.microsoft::GroupQueryAttention" for non-default domains.</param>
/// <param name="InputNames">The graph inputs.</param>
/// <param name="LogitsElementType">ONNX element type of output "logits" (1 float, 10 float16, 16 bfloat16), or null without one.</param>
/// <param name="LogitsDimensions">The logits dimensions: a number, or a symbolic name.</param>
/// <param name="PastKeyDimensions">Dimensions of past_key_values.0.key, or empty.</param>
/// <param name="FusedQkNormInAttention">GroupQueryAttention takes the q/k-norm weights itself: a CUDA export.</param>
/// <param name="KvLayers">How many past_key_values.N.key inputs the graph has.</param>
/// <param name="KvElementBytes">Bytes per element of the KV cache inputs (4 for float32, 2 for float16), 0 without them.</param>
/// <param name="ExternalDataFiles">The files initializers are kept in (model.onnx.data for builder exports).</param>
public sealed record OnnxGraphSummary(
    IReadOnlyDictionary<string, int> OperatorCounts,
    IReadOnlyList<string> InputNames,
    int? LogitsElementType,
    IReadOnlyList<string> LogitsDimensions,
    IReadOnlyList<string> PastKeyDimensions,
    bool FusedQkNormInAttention,
    int KvLayers,
    int KvElementBytes,
    IReadOnlyList<string> ExternalDataFiles)
{
    public const string GroupQueryAttention = "com.microsoft::GroupQueryAttention";
    public const string MatMulNBits = "com.microsoft::MatMulNBits";

    /// <summary>The last logits dimension when it is a number.</summary>
    public long? LogitsVocabSize => LogitsDimensions.Count > 0 && long.TryParse(LogitsDimensions[^1], out var size) ? size : null;

    /// <summary>Logits [batch, 1, vocab]: only the last position (the builder's prune_lm_head).</summary>
    public bool LastPositionLogitsOnly => LogitsDimensions.Count == 3 && LogitsDimensions[1] == "1";

    public bool HasPositionIds => InputNames.Contains("position_ids");

    /// <summary>The logits element type by name: float32, float16, bfloat16, or the ONNX number.</summary>
    public string LogitsTypeName => LogitsElementType switch
    {
        null => "none",
        (int)TensorProto.Types.DataType.Float => "float32",
        (int)TensorProto.Types.DataType.Float16 => "float16",
        (int)TensorProto.Types.DataType.Bfloat16 => "bfloat16",
        var other => $"ONNX type {other}",
    };

    public int Count(string op) => OperatorCounts.TryGetValue(op, out var count) ? count : 0;

    /// <exception cref="EvalInputException">The file is not an ONNX model.</exception>
    public static OnnxGraphSummary Read(string modelPath)
    {
        ModelProto model;
        try
        {
            using var stream = ModelFolderSandbox.OpenRead(modelPath);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EvalInputException(
                $"the ONNX file is corrupt ({e.Message}); export or download the model folder {Path.GetDirectoryName(modelPath)} again.",
                modelPath,
                inner: e);
        }
        catch (IOException e)
        {
            throw ModelFolderSandbox.Unreadable(modelPath, e);
        }

        if (model.Graph is null)
        {
            throw new EvalInputException($"the ONNX file has no graph; export the model folder {Path.GetDirectoryName(modelPath)} again.", modelPath);
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fusedQkNorm = false;
        foreach (var node in model.Graph.Node)
        {
            var op = node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}::{node.OpType}";
            counts[op] = counts.TryGetValue(op, out var count) ? count + 1 : 1;
            fusedQkNorm |= op == GroupQueryAttention && node.Input.Count > 14 && node.Input.Skip(14).Any(input => input.Length > 0);
        }

        var logits = model.Graph.Output.FirstOrDefault(output => output.Name == "logits");
        var pastKey = model.Graph.Input.FirstOrDefault(input => input.Name == "past_key_values.0.key");
        return new OnnxGraphSummary(
            counts,
            model.Graph.Input.Select(input => input.Name).ToArray(),
            logits?.Type?.TensorType?.ElemType,
            Dimensions(logits),
            Dimensions(pastKey),
            fusedQkNorm,
            model.Graph.Input.Count(input => input.Name.StartsWith("past_key_values.", StringComparison.Ordinal) && input.Name.EndsWith(".key", StringComparison.Ordinal)),
            pastKey?.Type?.TensorType?.ElemType switch
            {
                (int)TensorProto.Types.DataType.Float => 4,
                (int)TensorProto.Types.DataType.Float16 or (int)TensorProto.Types.DataType.Bfloat16 => 2,
                null => 0,
                _ => 1,
            },
            model.Graph.Initializer
                .SelectMany(tensor => tensor.ExternalData.Where(entry => entry.Key == "location").Select(entry => entry.Value))
                .Distinct(StringComparer.Ordinal)
                .ToArray());
    }

    private static string[] Dimensions(ValueInfoProto? value) =>
        value?.Type?.TensorType?.Shape?.Dim.Select(dim => dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue
            ? dim.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : dim.DimParam).ToArray() ?? [];
}
