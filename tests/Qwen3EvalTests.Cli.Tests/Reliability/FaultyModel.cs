using Google.Protobuf;
using Onnx;
using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>
/// A copy of the legacy tiny model (standard ops, its rotary tables Gather initializers inside model.onnx) whose rotary
/// tables hold only the first <c>positions</c> rows: a valid graph that loads and scores short prompts, and fails inside
/// ONNX Runtime (a Gather index out of bounds) on any longer one.
/// </summary>
internal static class FaultyModel
{
    private static readonly Lazy<string> LegacyTinyModel = new(
        () => TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static string WithRotaryPositions(ScratchFolder scratch, string name, int positions)
    {
        var folder = scratch[name];
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(LegacyTinyModel.Value))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

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
