using Google.Protobuf;
using Onnx;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// A copy of the tiny model whose rotary tables hold only the first <c>positions</c> rows: a valid graph that loads and
/// scores short prompts, and fails inside ONNX Runtime (a Gather index out of bounds) on any longer one.
/// </summary>
internal static class FaultyModel
{
    public static string WithRotaryPositions(ScratchFolder scratch, string name, int positions)
    {
        var folder = scratch.CopyOfTinyModel(name);
        var path = Path.Combine(folder, "model.onnx");
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var tables = model.Graph.Initializer.Where(t => t.Name is "rotary.cos" or "rotary.sin").ToList();
        tables.Should().HaveCount(2, "the tiny model keeps its rotary tables as initializers");
        foreach (var table in tables)
        {
            var rowBytes = table.RawData.Length / (int)table.Dims[0];
            table.Dims[0] = positions;
            table.RawData = ByteString.CopyFrom(table.RawData.Span[..(positions * rowBytes)]);
        }

        File.WriteAllBytes(path, model.ToByteArray());
        return folder;
    }
}
