using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class DataValidateCommandTests
{
    [Fact]
    public async Task SummarisesAValidSampleOnOneLine()
    {
        var run = await CliRun.RunAsync("data", "validate");

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        run.Stdout.TrimEnd().Should().NotContain("\n").And.StartWith("ok: 28 files, 1306 questions (mmlu, ceval, cmmlu, mmlu5-fixture)");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task PrintsEveryProblemAndExitsWithBadInput()
    {
        var root = Path.Combine(Path.GetTempPath(), "qwen3eval-validate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dev = Write(root, "mmlu/dev/anatomy_dev.csv", "q,a,b,c,d,E\nq,a,b,c\n");
            var test = Write(root, "ceval/test/computer_network_test.csv", "0,q,a,b,c,d\n");

            var run = await CliRun.RunAsync("data", "validate", "--data", root);

            run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
            run.Stderr.Should().Contain($"{dev}:1: answer: answer must be one of A, B, C, D; found 'E'.")
                .And.Contain($"{dev}:2: columns: expected 6 columns (question,A,B,C,D,answer), found 4.")
                .And.Contain($"{test}:1: header: missing or wrong header: expected 'id,question,A,B,C,D'")
                .And.Contain("error: ");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ValidatesTheFullDataSetWhenItIsBesideTheCheckout()
    {
        var shared = RepositoryRoot.SharedData;
        if (SkipRequirements.FullData(shared, shared + " (../shared/data relative to the repository root)") is { } reason)
        {
            Assert.Skip(reason);
        }

        var run = await CliRun.RunAsync("data", "validate", "--data", shared);

        run.ExitCode.Should().Be(QwenEvalCli.ExitOk, run.Stderr);
        run.Stdout.Should().StartWith("ok: 461 files, 41723 questions");
    }

    private static string Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
