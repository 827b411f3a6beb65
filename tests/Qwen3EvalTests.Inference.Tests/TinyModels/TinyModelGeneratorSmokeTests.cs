using Microsoft.ML.OnnxRuntimeGenAI;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

public sealed class TinyModelGeneratorSmokeTests
{
    [Fact]
    public void GenAiRunsTheByteModel()
    {
        using var handle = new OgaHandle();
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = new Model(folder);
        using var tokenizer = new Tokenizer(model);
        using var sequences = tokenizer.Encode("Hello 答案：A");
        var ids = sequences[0].ToArray();
        tokenizer.Decode(ids).Should().Be("Hello 答案：A");
        using var p = new GeneratorParams(model);
        p.SetSearchOption("max_length", 4096);
        using var generator = new Generator(model, p);
        generator.AppendTokens(ids);
        using var logits = generator.GetOutput("logits");
        var shape = logits.Shape();
        shape.Should().Equal(1, ids.Length, 300);
    }
}
