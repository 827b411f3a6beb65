namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Options out of range or pointing nowhere: exit 2 before any model loads, every problem named with its option and fix.</summary>
public sealed class BadOptionsTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("--limit", "0", "must be at least 1 (got 0)")]
    [InlineData("--limit", "-3", "must be at least 1 (got -3)")]
    [InlineData("--shots", "-1", "must be 0 or more (got -1)")]
    [InlineData("--batch-size", "0", "must be at least 1 (got 0)")]
    [InlineData("--repeats", "0", "must be at least 1 (got 0)")]
    [InlineData("--temperature", "-0.5", "must be a finite number, 0 or more (got -0.5)")]
    [InlineData("--temperature", "NaN", "must be a finite number, 0 or more (got NaN)")]
    [InlineData("--seed", "-1", "must be 0 or more (got -1)")]
    [InlineData("--device", "gpu", "'gpu' is not an execution provider; use cpu or cuda")]
    public async Task RunRejectsAnOptionOutOfRangeBeforeTheModelLoads(string option, string value, string message)
    {
        var output = _scratch["out"];

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", option, value, "--out", output, "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, $"field '{option}'", message);
        Directory.Exists(output).Should().BeFalse("nothing runs, so nothing is written");
    }

    [Fact]
    public async Task RunReportsEveryBadOptionTogether()
    {
        var run = await CliRun.RunAsync(
            "run", "--model", _scratch["no-such-model"], "--limit", "0", "--shots", "-1", "--batch-size", "0", "--repeats", "0", "--temperature", "-1", "--device", "gpu", "--out", _scratch["out"]);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "7 problems in the options", "--model", "--limit", "--shots", "--batch-size", "--repeats", "--temperature", "--device");
        run.Stderr.Should().Contain(_scratch["no-such-model"]).And.Contain("qwen3eval tiny-model --out DIR");
    }

    [Fact]
    public async Task RunRejectsAnOutThatIsAnExistingFileAndLeavesTheFileAlone()
    {
        var file = _scratch["results.txt"];
        File.WriteAllText(file, "keep me");

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", file, "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, file, "--out", "is an existing file, not a folder");
        File.ReadAllText(file).Should().Be("keep me");
    }

    [Fact]
    public async Task RunRejectsAnOutThatCannotBeCreated()
    {
        var file = _scratch["a-file"];
        File.WriteAllText(file, "");

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", Path.Combine(file, "results"), "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--out", "cannot be created or written", $"{file} is a file");
    }

    [Fact]
    public async Task RunRejectsACacheWhoseFolderCannotBeCreated()
    {
        var file = _scratch["a-file"];
        File.WriteAllText(file, "");
        var cache = Path.Combine(file, "cache.sqlite");

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--cache", cache);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, cache, "--cache", "--no-cache");
    }

    [Fact]
    public async Task RunRejectsACacheThatIsAFolder()
    {
        var folder = _scratch["cache-folder"];
        Directory.CreateDirectory(folder);

        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--cache", folder);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, folder, "--cache", "is a folder");
    }

    [Fact]
    public async Task RunRejectsABenchmarkNamedTwice()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "--benchmark", "mmlu is given 2 times", "--repeats");
    }

    [Fact]
    public async Task RunRejectsAMissingModelFolder()
    {
        var run = await CliRun.RunAsync("run", "--model", _scratch["missing"], "--benchmark", "mmlu", "--limit", "1", "--out", _scratch["out"], "--no-cache");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, _scratch["missing"], "--model", "does not exist");
    }

    [Fact]
    public async Task RunRejectsANumberThatDoesNotParse()
    {
        var run = await CliRun.RunAsync("run", "--limit", "abc");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "'abc'", "--limit");
        run.Stderr.Should().Contain("see 'qwen3eval run --help'");
    }

    [Fact]
    public async Task SensitivityRejectsALimitOfZero()
    {
        var run = await CliRun.RunAsync("sensitivity", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--limit", "0", "--out", _scratch["out"]);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "qwen3eval sensitivity", "--limit", "must be at least 1 (got 0)");
        Directory.Exists(_scratch["out"]).Should().BeFalse();
    }

    [Fact]
    public async Task TinyModelRejectsANegativeSeed()
    {
        var run = await CliRun.RunAsync("tiny-model", "--out", _scratch["model"], "--seed", "-5");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "qwen3eval tiny-model", "--seed", "must be 0 or more (got -5)");
        Directory.Exists(_scratch["model"]).Should().BeFalse();
    }

    [Fact]
    public async Task TinyModelRejectsAnOutThatIsAnExistingFile()
    {
        var file = _scratch["model.txt"];
        File.WriteAllText(file, "keep me");

        var run = await CliRun.RunAsync("tiny-model", "--out", file);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, file, "--out", "is an existing file, not a folder");
        File.ReadAllText(file).Should().Be("keep me");
    }

    [Fact]
    public async Task TinyModelMeasureRejectsZeroQuestions()
    {
        var run = await CliRun.RunAsync("tiny-model", "measure", "--questions", "0", "--prefix-tokens", "-1", "--model", TinyModel.Folder);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "2 problems", "--questions", "--prefix-tokens");
    }

    [Theory]
    [InlineData("--shots", "-1", "--shots must be 0 or more")]
    [InlineData("--index", "-1", "--index -1 is out of range")]
    [InlineData("--index", "100", "--index 100 is out of range")]
    public async Task PromptRejectsAShotCountOrIndexOutOfRange(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("prompt", "--benchmark", "mmlu", "--subject", "abstract_algebra", "--protocol", "qwen", option, value);

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, message);
    }
}
