using System.Text.Json;
using System.Text.Json.Nodes;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary><c>qwen3eval run</c> checks every plan before the model loads, and a declared model kind beats the folder.</summary>
public sealed class RunCommandPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-run-plan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ARunOverThreeBenchmarksWithOneBrokenDataFolderFailsBeforeAnythingIsScored()
    {
        var data = Path.Combine(_folder, "data");
        CopyFolder(DataFolder.SampleDirectory, data);
        var missingDev = Directory.EnumerateFiles(Path.Combine(data, "ceval", "dev")).Order(StringComparer.Ordinal).First();
        File.Delete(missingDev);
        var output = Path.Combine(_folder, "out");

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--data", data, "--out", output, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain(missingDev).And.Contain("(nothing was run)");
        var written = Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.json", SearchOption.AllDirectories).ToList() : [];
        written.Should().BeEmpty("MMLU is listed first, but no benchmark may run before every plan is valid");
    }

    [Fact]
    public async Task QwenChatWithFiveShotsIsRefusedInsteadOfRecordingShotsItIgnores()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--protocol", "qwen", "--chat", "--shots", "5", "--allow-kind-mismatch", "--out", _folder, "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("protocol qwen takes no shots in the chat form").And.Contain("shots");
    }

    [Fact]
    public async Task ADeclaredBaseKindWinsOverAFolderWithAChatTemplateAndSamplingDefaults()
    {
        // A base checkpoint exported as users have them: a chat template in tokenizer_config.json (Qwen2.5/Qwen3 base ship one),
        // and here also sampling defaults in genai_config.json, which alone would make it look instruct.
        var model = Path.Combine(_folder, "Qwen3-Tiny");
        CopyFolder(TinyModel.Folder, model);
        Edit(Path.Combine(model, "tokenizer_config.json"), json => json["chat_template"] = "{% for message in messages %}{{ message['content'] }}{% endfor %}");

        var templateOnly = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--out", Path.Combine(_folder, "a"), "--no-cache", "--json");
        templateOnly.ExitCode.Should().Be(0, "a chat template alone never makes a folder instruct: " + templateOnly.Stderr);
        Header(templateOnly)["modelKindSource"]!.GetValue<string>().Should().Be("default");

        Edit(Path.Combine(model, "genai_config.json"), json => json["search"]!["do_sample"] = true);
        var undeclared = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--out", Path.Combine(_folder, "b"), "--no-cache");
        undeclared.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        undeclared.Stderr.Should().Contain("is an instruct model (because genai_config.json carries sampling defaults").And.Contain("run --kind base");

        var declared = await CliRun.RunAsync("run", "--model", model, "--benchmark", "mmlu", "--limit", "1", "--kind", "base", "--out", Path.Combine(_folder, "c"), "--no-cache", "--json");
        declared.ExitCode.Should().Be(0, declared.Stderr);
        var header = Header(declared);
        header["modelKind"]!.GetValue<string>().Should().Be("base");
        header["modelKindSource"]!.GetValue<string>().Should().Be("declared");
    }

    [Fact]
    public async Task AnUnknownKindIsRefusedNamingTheOption()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--kind", "chat", "--out", _folder);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--kind: 'chat' is not a model kind; expected base or instruct.");
    }

    private static JsonNode Header(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        var file = json.RootElement.GetProperty("results")[0].GetProperty("resultsFile").GetString()!;
        return JsonNode.Parse(File.ReadAllText(file))!["run"]!;
    }

    private static void Edit(string path, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
