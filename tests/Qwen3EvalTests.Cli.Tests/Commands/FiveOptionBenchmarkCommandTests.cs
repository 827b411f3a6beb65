using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Cli.Tests.Commands;

/// <summary>
/// The fourth benchmark (a five-option fixture in the MMLU CSV shape, registered as a definition plus the protocols' table
/// entries) through the command line: <c>prompt</c> shows all five options, <c>run</c> scores it and writes a results file every
/// reader accepts, and a protocol with no entry for it refuses it before any model loads.
/// </summary>
public sealed class FiveOptionBenchmarkCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-five-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PromptShowsTheFifthOption()
    {
        var run = await CliRun.RunAsync("prompt", "--benchmark", "mmlu5-fixture", "--subject", "fixture_arithmetic", "--protocol", "lm-eval");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("The following are multiple choice questions (with answers) about fixture arithmetic.\n\n")
            .And.Contain("\nD. 4\nE. 5\nAnswer:");
    }

    [Fact]
    public async Task RunScoresItAndItsResultsFileReadsBack()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu5-fixture", "--limit", "2", "--no-cache", "--out", _folder);

        run.ExitCode.Should().Be(0, run.Stderr);
        var file = ResultsFile.Read(Path.Combine(_folder, Path.GetFileName(TinyModel.Folder), "mmlu5-fixture-qwen-5shot.json"));
        file.Questions.Should().HaveCount(4, "two questions of each of the fixture's two subjects");
        file.Questions.Should().OnlyContain(q => q.LogLikelihoods!.Count == 5, "one log-likelihood per option, A to E");
        file.Questions.Select(q => q.Answer).Should().Contain("E", "the fixture has answers only a fifth option can hold");
    }

    [Fact]
    public async Task AProtocolWithoutAnEntryForItRefusesItNamingBoth()
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu5-fixture", "--protocol", "opencompass", "--out", _folder);

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("opencompass").And.Contain("mmlu5-fixture");
    }
}
