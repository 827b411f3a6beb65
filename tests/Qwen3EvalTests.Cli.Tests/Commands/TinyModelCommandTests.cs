using System.Text.Json;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class TinyModelCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("qwen3eval-tiny-model-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("cpu-int4", "float32", true)]
    [InlineData("fp16-logits", "float16", true)]
    [InlineData("legacy", "float32", false)]
    public async Task WritesTheExportItIsAskedFor(string export, string logitsType, bool sharesBuffer)
    {
        var folder = Path.Combine(root, export);

        var written = await CliRun.RunAsync("tiny-model", "--out", folder, "--export", export, "--size", "smallest");
        var inspected = await CliRun.RunAsync("model", "inspect", "--model", folder, "--json");

        written.ExitCode.Should().Be(0, written.Stderr);
        written.Stdout.Should().Contain($"({export}, Bytes, Base, seed 1)");
        using var json = JsonDocument.Parse(inspected.Stdout);
        json.RootElement.GetProperty("logitsType").GetString().Should().Be(logitsType);
        json.RootElement.GetProperty("kvLayout").GetString().Should().Contain(sharesBuffer ? "shared by past and present" : "no shared buffer");
    }

    [Fact]
    public async Task TheDefaultIsTheCpuInt4Export()
    {
        var folder = Path.Combine(root, "default");

        var written = await CliRun.RunAsync("tiny-model", "--out", folder, "--tokenizer", "qwen3", "--planted-answer", "C");

        written.ExitCode.Should().Be(0, written.Stderr);
        written.Stdout.Should().Contain("(cpu-int4, Qwen3, Base, seed 1, planted answer C)");
        File.Exists(Path.Combine(folder, "model.onnx.data")).Should().BeTrue();
    }

    [Fact]
    public async Task AnUnknownExportIsRefused()
    {
        var run = await CliRun.RunAsync("tiny-model", "--out", Path.Combine(root, "x"), "--export", "int8");

        run.ExitCode.Should().NotBe(0);
        (run.Stdout + run.Stderr).Should().Contain("int8");
    }

    [Theory]
    [InlineData("cpu-int4")]
    [InlineData("fp16-logits")]
    public async Task PruneLmHeadWritesLogitsForTheLastPositionOnly(string export)
    {
        var folder = Path.Combine(root, "pruned-" + export);

        var written = await CliRun.RunAsync("tiny-model", "--out", folder, "--export", export, "--size", "smallest", "--prune-lm-head");
        var inspected = await CliRun.RunAsync("model", "inspect", "--model", folder, "--json");

        written.ExitCode.Should().Be(0, written.Stderr);
        written.Stdout.Should().Contain("LM head pruned to the last position");
        using var json = JsonDocument.Parse(inspected.Stdout);
        json.RootElement.GetProperty("logitsShape").EnumerateArray().Select(d => d.GetString()).Should().Equal("batch_size", "1", "300");
        json.RootElement.GetProperty("lastPositionLogitsOnly").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task PruneLmHeadOnTheLegacyExportIsRefusedNamingTheOption()
    {
        var run = await CliRun.RunAsync("tiny-model", "--out", Path.Combine(root, "legacy-pruned"), "--export", "legacy", "--prune-lm-head");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--prune-lm-head").And.Contain("builder-shaped export");
        Directory.Exists(Path.Combine(root, "legacy-pruned")).Should().BeFalse();
    }
}
