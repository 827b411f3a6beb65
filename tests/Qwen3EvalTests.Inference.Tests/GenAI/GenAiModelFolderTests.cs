using System.Text.Json.Nodes;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class GenAiModelFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"broken-model-{Guid.NewGuid():N}");

    public GenAiModelFolderTests()
    {
        var source = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReportsAMissingFolder()
    {
        var missing = folder + "-missing";

        var error = LoadError(missing);

        error.Message.Should().Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public void ReportsAMissingGenAiConfig()
    {
        File.Delete(Path.Combine(folder, "genai_config.json"));

        LoadError(folder).Message.Should().Contain(folder).And.Contain("no genai_config.json");
    }

    [Theory]
    [InlineData("tokenizer.json")]
    [InlineData("tokenizer_config.json")]
    public void ReportsAMissingTokenizerFile(string file)
    {
        File.Delete(Path.Combine(folder, file));

        LoadError(folder).Message.Should().Contain(folder).And.Contain($"no {file}");
    }

    [Fact]
    public void ReportsAMissingOnnxFile()
    {
        File.Delete(Path.Combine(folder, "model.onnx"));

        LoadError(folder).Message.Should().Contain(folder).And.Contain("'model.onnx'").And.Contain("missing");
    }

    [Fact]
    public void ReportsAnUnparsableGenAiConfig()
    {
        File.WriteAllText(Path.Combine(folder, "genai_config.json"), "{ \"model\": ");

        LoadError(folder).Message.Should().Contain(folder).And.Contain("genai_config.json cannot be read");
    }

    [Fact]
    public void ReportsAVocabSizeThatDoesNotMatchTheGraph()
    {
        var configPath = Path.Combine(folder, "genai_config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        config["model"]!["vocab_size"] = 266;
        File.WriteAllText(configPath, config.ToJsonString());

        var error = LoadError(folder);

        error.Message.Should().Contain(folder).And.Contain("vocab_size is 266").And.Contain("logits of size 300");
        error.Field.Should().Be("model.vocab_size");
    }

    [Fact]
    public void ReportsACorruptOnnxFile()
    {
        var modelPath = Path.Combine(folder, "model.onnx");
        var bytes = File.ReadAllBytes(modelPath);
        File.WriteAllBytes(modelPath, bytes[..(bytes.Length / 2)]);

        LoadError(folder).Message.Should().Contain(folder).And.Contain("corrupt");
    }

    [Fact]
    public void WrapsGenAisErrorForAGraphItCannotRun()
    {
        var graph = new Onnx.GraphProto { Name = "empty" };
        graph.Output.Add(new Onnx.ValueInfoProto
        {
            Name = "logits",
            Type = new Onnx.TypeProto
            {
                TensorType = new Onnx.TypeProto.Types.Tensor
                {
                    ElemType = 1,
                    Shape = new Onnx.TensorShapeProto { Dim = { new Onnx.TensorShapeProto.Types.Dimension { DimValue = 300 } } },
                },
            },
        });
        var model = new Onnx.ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new Onnx.OperatorSetIdProto { Version = 17 });
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), Google.Protobuf.MessageExtensions.ToByteArray(model));
        EditConfig(config => config["search"]!["past_present_share_buffer"] = false);

        var error = LoadError(folder);

        error.Message.Should().Contain(folder).And.Contain("ONNX Runtime GenAI cannot load");
        error.InnerException.Should().BeOfType<Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIException>();
    }

    [Fact]
    public void ReportsASharedKvBufferOnAGraphThatConcatenatesItsCache()
    {
        File.Copy(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy")), "model.onnx"), Path.Combine(folder, "model.onnx"), overwrite: true);

        var error = LoadError(folder);

        error.Field.Should().Be("search.past_present_share_buffer");
        error.Message.Should().Contain("no GroupQueryAttention").And.Contain("Set search.past_present_share_buffer to false");
    }

    [Fact]
    public void RefusesACudaExportOnTheCpuProviderAndSaysHowToReExport()
    {
        var modelPath = Path.Combine(folder, "model.onnx");
        var model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        foreach (var node in model.Graph.Node.Where(node => node.OpType == "GroupQueryAttention"))
        {
            // CUDA exports hand the q/k-norm weights to GroupQueryAttention as inputs 14 and 15.
            while (node.Input.Count < 14)
            {
                node.Input.Add("");
            }

            node.Input.Add(model.Graph.Initializer.First(t => t.Name.Contains("q_norm", StringComparison.Ordinal)).Name);
            node.Input.Add(model.Graph.Initializer.First(t => t.Name.Contains("k_norm", StringComparison.Ordinal)).Name);
        }

        File.WriteAllBytes(modelPath, Google.Protobuf.MessageExtensions.ToByteArray(model));

        var error = LoadError(folder);

        error.Message.Should().Contain("CUDA export").And.Contain("-p int4 -e cpu").And.Contain("-p:EvalDevice=cuda");
        error.File.Should().Be(modelPath);
    }

    private void EditConfig(Action<JsonNode> edit)
    {
        var configPath = Path.Combine(folder, "genai_config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        edit(config);
        File.WriteAllText(configPath, config.ToJsonString());
    }

    private static EvalInputException LoadError(string modelFolder)
    {
        var load = () => GenAiLanguageModel.Load(modelFolder);
        return load.Should().Throw<EvalInputException>().Which;
    }
}
