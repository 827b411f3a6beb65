using System.Security.Cryptography;
using System.Text.Json;
using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

public sealed class TinyModelGeneratorTests
{
    [Theory]
    [InlineData("cpu-int4")]
    [InlineData("fp16-logits")]
    public void BuilderShapedFolderHasTheFilesAndConfigOfGenAisModelBuilder(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));

        foreach (var file in new[] { "model.onnx", "model.onnx.data", "genai_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja", "tiny_model.json" })
        {
            File.Exists(Path.Combine(folder, file)).Should().BeTrue(file);
        }

        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "genai_config.json")));
        var model = config.RootElement.GetProperty("model");
        var search = config.RootElement.GetProperty("search");
        model.GetProperty("type").GetString().Should().Be("qwen3");
        model.GetProperty("vocab_size").GetInt32().Should().Be(300);
        model.GetProperty("context_length").GetInt32().Should().Be(4096);
        model.GetProperty("eos_token_id").EnumerateArray().Select(id => id.GetInt32()).Should().Equal(258, 256);
        model.GetProperty("pad_token_id").GetInt32().Should().Be(256, "<|endoftext|>, as in Qwen's own config");
        model.GetProperty("decoder").GetProperty("inputs").TryGetProperty("position_ids", out _).Should().BeFalse();
        search.GetProperty("past_present_share_buffer").GetBoolean().Should().BeTrue();
        search.GetProperty("max_length").GetInt32().Should().Be(4096);
        search.GetProperty("do_sample").GetBoolean().Should().BeFalse("a base model's generation config does not sample");
    }

    [Fact]
    public void Qwen3TokenizerExportHasQwensSpecialIds()
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec), "genai_config.json")));
        var model = config.RootElement.GetProperty("model");

        model.GetProperty("eos_token_id").EnumerateArray().Select(id => id.GetInt32()).Should().Equal(151645, 151643);
        model.GetProperty("pad_token_id").GetInt32().Should().Be(151643);
        model.GetProperty("vocab_size").GetInt32().Should().Be(151936);
    }

    [Fact]
    public void LegacyFolderKeepsTheFirstLayout()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy"));

        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "genai_config.json")));
        config.RootElement.GetProperty("search").GetProperty("past_present_share_buffer").GetBoolean().Should().BeFalse();
        config.RootElement.GetProperty("model").GetProperty("decoder").GetProperty("inputs").GetProperty("position_ids").GetString().Should().Be("position_ids");
        File.Exists(Path.Combine(folder, "model.onnx.data")).Should().BeFalse();
    }

    [Fact]
    public void LegacyExportsGiveOnlyInstructModelsAChatTemplateAndBuilderExportsGiveBothOneInJinja()
    {
        string Config(TinyModelSpec spec) => File.ReadAllText(Path.Combine(TinyModelFixture.Folder(spec), "tokenizer_config.json"));
        bool HasJinja(TinyModelSpec spec) => File.Exists(Path.Combine(TinyModelFixture.Folder(spec), "chat_template.jinja"));

        Config(TinyModelFixture.BytesSpecIn("legacy")).Should().NotContain("chat_template");
        Config(TinyModelFixture.BytesInstructSpec with { Export = TinyModelExport.Legacy }).Should().Contain("chat_template");
        Config(TinyModelFixture.BytesSpec).Should().NotContain("chat_template");
        HasJinja(TinyModelFixture.BytesSpec).Should().BeTrue();
        HasJinja(TinyModelFixture.BytesInstructSpec).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void SameSpecGivesIdenticalBytesAndAnotherSeedDifferentWeights(string export)
    {
        var root = Path.Combine(Path.GetTempPath(), $"tiny-determinism-{Guid.NewGuid():N}");
        try
        {
            var spec = new TinyModelSpec(Seed: 11, Layers: 1, Export: TinyModelFixture.Export(export));
            TinyModelGenerator.Generate(spec, Path.Combine(root, "first"));
            TinyModelGenerator.Generate(spec, Path.Combine(root, "second"));
            TinyModelGenerator.Generate(spec with { Seed = 12 }, Path.Combine(root, "other"));

            Hash(root, "first").Should().Be(Hash(root, "second"));
            Hash(root, "other").Should().NotBe(Hash(root, "first"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void BuilderShapedSpecsRefuseHeadSizesTheCpuGroupQueryAttentionRejects(int headDim)
    {
        var spec = TinyModelFixture.BytesSpec with { HeadDim = headDim };

        spec.Invoking(s => s.Validate()).Should().Throw<ArgumentException>().WithMessage("*multiple of 16*");
        (spec with { Export = TinyModelExport.Legacy }).Invoking(s => s.Validate()).Should().NotThrow();
    }

    [Fact]
    public void CacheReusesAFolderWhoseSpecMatches()
    {
        var first = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        var written = File.GetLastWriteTimeUtc(Path.Combine(first, "model.onnx"));

        var second = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        second.Should().Be(first);
        File.GetLastWriteTimeUtc(Path.Combine(second, "model.onnx")).Should().Be(written);
    }

    private static string Hash(string root, string name) => string.Join(
        ",",
        Directory.GetFiles(Path.Combine(root, name)).Order(StringComparer.Ordinal).Select(file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))));
}
