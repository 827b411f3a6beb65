using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class ModelInspectCommandTests
{
    [Fact]
    public async Task InspectsTheTinyModelAndExitsZero()
    {
        var run = await CliRun.RunAsync("model", "inspect", "--model", TinyModel.Folder);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("com.microsoft::GroupQueryAttention").And.Contain("chat_template.jinja").And.Contain("problems: 0 error(s)");
    }

    [Fact]
    public async Task JsonOutputIsOneObjectWithTheLogitsTypeAndProblems()
    {
        var run = await CliRun.RunAsync("model", "inspect", "--model", TinyModel.Folder, "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("logitsType").GetString().Should().Be("float32");
        json.RootElement.GetProperty("problems").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task AMissingFolderIsABadInputWithoutAStackTrace()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}");

        var run = await CliRun.RunAsync("model", "inspect", "--model", missing);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(missing).And.Contain("does not exist").And.NotContain("   at ");
    }
}
