using System.CommandLine;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>The top-level handler: an exception nobody expected is one line with its type and message, exit 1; the stack only with --verbose.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task AnUnexpectedExceptionIsOneLineWithItsTypeMessageAndTheVerboseHint()
    {
        var run = await RunFailing();

        run.ShouldFailNaming(QwenEvalCli.ExitFailed, "error: InvalidOperationException: the index is stale second line (rerun with --verbose for the stack trace)");
        run.Stderr.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public async Task VerbosePrintsTheStackTrace()
    {
        var run = await RunFailing("--verbose");

        run.ExitCode.Should().Be(QwenEvalCli.ExitFailed);
        run.Stderr.Should().StartWith("error: System.InvalidOperationException: the index is stale").And.Contain("   at ");
    }

    [Fact]
    public async Task BadInputStaysExitTwoWithItsMessage()
    {
        var run = await CliRun.RunAsync("run", "--benchmark", "gsm8k");

        run.ShouldFailNaming(QwenEvalCli.ExitBadInput, "unknown benchmark 'gsm8k'");
    }

    private static async Task<CliRun> RunFailing(params string[] extra)
    {
        var failing = new Command("fail", "Throws what no command expects.");
        failing.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("the index is stale\nsecond line")));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await QwenEvalCli.RunAsync(["fail", .. extra], stdout, stderr, [failing]);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
