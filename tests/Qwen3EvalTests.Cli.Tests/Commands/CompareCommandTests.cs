namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-compare-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task NamesTheProtocolWhenComparingRunsOfTwoProtocols()
    {
        var qwen = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--protocol", "qwen", "--limit", "1", "--out", _folder);
        qwen.ExitCode.Should().Be(0, qwen.Stderr);
        var lmEval = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--protocol", "lm-eval", "--limit", "1", "--out", _folder);
        lmEval.ExitCode.Should().Be(0, lmEval.Stderr);
        var a = Directory.GetFiles(_folder, "mmlu-qwen-*.json", SearchOption.AllDirectories).Single();
        var b = Directory.GetFiles(_folder, "mmlu-lm-eval-*.json", SearchOption.AllDirectories).Single();

        var compare = await CliRun.RunAsync("compare", a, b);

        compare.ExitCode.Should().Be(0, compare.Stderr);
        compare.Stdout.Should().Contain("differs: protocol (qwen → lm-eval)");
        compare.Stdout.Should().Contain("McNemar");
    }

    [Fact]
    public async Task AMissingResultsFileIsABadInputErrorWithoutAStackTrace()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var compare = await CliRun.RunAsync("compare", missing, missing);

        compare.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        compare.Stderr.Should().Contain(missing).And.Contain("not found").And.NotContain("   at ");
    }

    [Fact]
    public async Task ARunWhoseQuestionIsRecordedTwiceIsRefusedNamingTheFileAndRecord()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _folder);
        run.ExitCode.Should().Be(0, run.Stderr);
        var good = Directory.GetFiles(_folder, "mmlu-qwen-*.json", SearchOption.AllDirectories).Single();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(good))!;
        var questions = json["questions"]!.AsArray();
        questions.Add(questions[0]!.DeepClone());
        var doubled = Path.Combine(_folder, "doubled.json");
        File.WriteAllText(doubled, json.ToJsonString());

        var compare = await CliRun.RunAsync("compare", good, doubled);

        compare.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, compare.Stderr);
        compare.Stderr.Should().Contain(doubled).And.Contain("second time").And.NotContain("same key");
    }
}
