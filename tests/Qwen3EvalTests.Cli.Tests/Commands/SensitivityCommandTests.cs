namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class SensitivityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-sensitivity-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PrintsTheTableWithTheFactorThatMovedMostAndWritesTheSensitivityJson()
    {
        var run = await CliRun.RunAsync("sensitivity", "--benchmark", "mmlu", "--limit", "1", "--factors", "answer-space,average", "--out", _folder);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("reference").And.Contain("answer-space").And.Contain("macro").And.Contain("moved most: ");
        Directory.GetFiles(_folder, "mmlu-sensitivity.json", SearchOption.AllDirectories).Should().ContainSingle();
    }

    [Fact]
    public async Task AnUnknownFactorIsABadInputError()
    {
        var run = await CliRun.RunAsync("sensitivity", "--benchmark", "mmlu", "--factors", "colour", "--out", _folder);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("unknown sensitivity factor 'colour'");
    }
}
