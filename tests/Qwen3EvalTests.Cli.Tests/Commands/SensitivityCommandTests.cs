namespace Qwen3EvalTests.Cli.Tests.Commands;

[Collection(TinyRunsCollection.Name)]
public sealed class SensitivityCommandTests(TinyRunOutputs outputs)
{
    [Fact]
    public void PrintsTheTableWithTheFactorThatMovedMostAndWritesTheSensitivityJson()
    {
        outputs.Sensitivity.ExitCode.Should().Be(0, outputs.Sensitivity.Stderr);
        outputs.Sensitivity.Stdout.Should().Contain("reference").And.Contain("average").And.Contain("macro").And.Contain("moved most: ");
        File.Exists(outputs.SensitivityFile).Should().BeTrue();
    }

    [Fact]
    public async Task AnUnknownFactorIsABadInputError()
    {
        var run = await CliRun.RunAsync("sensitivity", "--benchmark", "mmlu", "--factors", "colour", "--out", outputs.Folder);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("unknown sensitivity factor 'colour'");
    }
}
