using System.Security.Cryptography;
using System.Text.Json;
using Qwen3EvalTests.Inference.TinyModels;

namespace Qwen3EvalTests.Inference.Tests.TinyModels;

public sealed class TinyModelGeneratorTests
{
    [Fact]
    public void GeneratedFolderHasTheFilesOfGenAisModelBuilder()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        foreach (var file in new[] { "model.onnx", "genai_config.json", "tokenizer.json", "tokenizer_config.json", "tiny_model.json" })
        {
            File.Exists(Path.Combine(folder, file)).Should().BeTrue(file);
        }

        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "genai_config.json")));
        var model = config.RootElement.GetProperty("model");
        model.GetProperty("type").GetString().Should().Be("qwen3");
        model.GetProperty("vocab_size").GetInt32().Should().Be(300);
        model.GetProperty("context_length").GetInt32().Should().Be(4096);
        model.GetProperty("decoder").GetProperty("num_key_value_heads").GetInt32().Should().Be(2);
        config.RootElement.GetProperty("search").GetProperty("past_present_share_buffer").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void OnlyInstructModelsCarryAChatTemplate()
    {
        var baseConfig = File.ReadAllText(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.BytesSpec), "tokenizer_config.json"));
        var instructConfig = File.ReadAllText(Path.Combine(TinyModelFixture.Folder(TinyModelFixture.BytesInstructSpec), "tokenizer_config.json"));

        baseConfig.Should().NotContain("chat_template");
        instructConfig.Should().Contain("chat_template");
    }

    [Fact]
    public void SameSpecGivesIdenticalBytesAndAnotherSeedDifferentWeights()
    {
        var root = Path.Combine(Path.GetTempPath(), $"tiny-determinism-{Guid.NewGuid():N}");
        try
        {
            var spec = new TinyModelSpec(Seed: 11, Layers: 1);
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

    [Fact]
    public void CacheReusesAFolderWhoseSpecMatches()
    {
        var first = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        var written = File.GetLastWriteTimeUtc(Path.Combine(first, "model.onnx"));

        var second = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);

        second.Should().Be(first);
        File.GetLastWriteTimeUtc(Path.Combine(second, "model.onnx")).Should().Be(written);
    }

    private static string Hash(string root, string name) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, name, "model.onnx"))));
}
