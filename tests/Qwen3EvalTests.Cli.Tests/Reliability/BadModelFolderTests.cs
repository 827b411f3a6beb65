using System.Text.Json.Nodes;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Broken model folders through <c>qwen3eval run</c>: exit 2 naming the file at fault and the fix; nothing is scored.</summary>
public sealed class BadModelFolderTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("model.onnx", "the ONNX file is corrupt")]
    [InlineData("genai_config.json", "genai_config.json cannot be read")]
    [InlineData("tokenizer.json", "tokenizer.json cannot be read")]
    [InlineData("tokenizer_config.json", "tokenizer_config.json is not valid JSON")]
    public async Task ATruncatedFileIsNamed(string fileName, string message)
    {
        var model = _scratch.CopyOfTinyModel("model");
        var file = Path.Combine(model, fileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 3)]);

        var run = await Run(model);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, file, message);
        CatalogueAssertions.ResultsFilesUnder(_scratch["out"]).Should().BeEmpty();
    }

    [Fact]
    public async Task ATokenizerThatCanProduceAnIdBeyondTheVocabularyIsRefused()
    {
        var model = _scratch.CopyOfTinyModel("model");
        var tokenizerFile = Path.Combine(model, "tokenizer.json");
        var tokenizer = JsonNode.Parse(File.ReadAllText(tokenizerFile))!;
        tokenizer["added_tokens"]!.AsArray().Add(new JsonObject { ["id"] = 300, ["content"] = "<|extra|>", ["special"] = true });
        tokenizer["added_tokens"]!.AsArray().Add(new JsonObject { ["id"] = 412, ["content"] = "<|more|>", ["special"] = true });
        File.WriteAllText(tokenizerFile, tokenizer.ToJsonString());

        var run = await Run(model);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, tokenizerFile, "2 token ids are at or above the model's vocab_size 300", "highest 412");
    }

    [Fact]
    public async Task SpecialIdsTheTokenizerDoesNotHaveAreAllReportedTogether()
    {
        var model = _scratch.CopyOfTinyModel("model");
        var configFile = Path.Combine(model, "genai_config.json");
        var config = JsonNode.Parse(File.ReadAllText(configFile))!;
        config["model"]!["eos_token_id"] = new JsonArray(258, 280);
        config["model"]!["bos_token_id"] = 290;
        config["model"]!["pad_token_id"] = 300;
        File.WriteAllText(configFile, config.ToJsonString());

        var run = await Run(model);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "3 problems in the tokenizer", configFile, "model.eos_token_id: token id 280", "model.bos_token_id: token id 290", "model.pad_token_id: token id 300 is outside the model's vocabulary");
    }

    private Task<CliRun> Run(string model) =>
        CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--no-cache");
}
