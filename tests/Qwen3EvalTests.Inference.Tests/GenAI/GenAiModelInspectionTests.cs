using System.Text.Json.Nodes;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class GenAiModelInspectionTests
{
    [Fact]
    public void ReportsWhatABuilderExportIs()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec with { Kind = ModelKind.Instruct, Export = TinyModelExport.Fp16Logits });

        var inspection = GenAiModelInspection.Inspect(folder);

        inspection.ModelType.Should().Be("qwen3");
        inspection.OperatorsOfNote.Should().ContainKeys(OnnxGraphSummary.GroupQueryAttention, OnnxGraphSummary.MatMulNBits, "com.microsoft::SkipSimplifiedLayerNormalization");
        inspection.KvLayout.Should().Contain("shared by past and present");
        inspection.LogitsType.Should().Be("float16");
        inspection.LogitsShape.Should().Equal("batch_size", "sequence_length", "151936");
        inspection.HasPositionIds.Should().BeFalse();
        (inspection.ConfigVocabSize, inspection.GraphVocabSize, inspection.TokenizerVocabSize).Should().Be((151936, 151936L, 151669));
        inspection.EosTokenIds.Should().Equal(151645, 151643);
        inspection.SpecialTokenNames["151643"].Should().Be("<|endoftext|>");
        inspection.ChatTemplateSource.Should().Be("chat_template.jinja");
        inspection.ConfigSamples.Should().BeTrue();
        inspection.Kind.Should().Be("instruct");
        inspection.KindSource.Should().Contain("sampling defaults");
        inspection.HasErrors.Should().BeFalse();
        inspection.Problems.Select(p => p.Field).Should().Contain(["search.max_length", "search.do_sample", "model.pad_token_id"]);
    }

    [Fact]
    public void ADeclaredKindBeatsTheFolderAndTheTemplateSourceIsReported()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        var inferred = GenAiModelInspection.Inspect(folder);
        var declared = GenAiModelInspection.Inspect(folder, declaredKind: ModelKind.Instruct);

        inferred.ChatTemplateSource.Should().Be("chat_template.jinja");
        inferred.Kind.Should().Be("base", "a base export's chat_template.jinja does not make it instruct");
        declared.Kind.Should().Be("instruct");
        declared.KindSource.Should().Contain("declared");
    }

    [Fact]
    public void ListsEveryErrorOfABrokenFolderWhereOpenStopsAtTheFirst()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"inspect-broken-{Guid.NewGuid():N}");
        try
        {
            var source = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(source).Where(f => !f.EndsWith("model.onnx.data", StringComparison.Ordinal) && !f.EndsWith("tokenizer_config.json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var configPath = Path.Combine(folder, "genai_config.json");
            var config = JsonNode.Parse(File.ReadAllText(configPath))!;
            config["model"]!["vocab_size"] = 280;
            File.WriteAllText(configPath, config.ToJsonString());

            var inspection = GenAiModelInspection.Inspect(folder);
            var open = () => GenAiModelFolder.Open(folder);

            inspection.Problems.Where(p => p.IsError).Select(p => p.Message).Should().SatisfyRespectively(
                missing => missing.Should().Contain("no tokenizer_config.json"),
                vocab => vocab.Should().Contain("vocab_size is 280").And.Contain("logits of size 300"),
                data => data.Should().Contain("model.onnx.data, which is missing"));
            open.Should().Throw<EvalInputException>().WithMessage("*no tokenizer_config.json*copy tokenizer.json*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AFolderWithNothingToReadIsAnInputErrorNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}");

        var inspect = () => GenAiModelInspection.Inspect(missing);

        inspect.Should().Throw<EvalInputException>().Where(e => e.File == missing).WithMessage("*does not exist*tiny-model*");
    }
}
