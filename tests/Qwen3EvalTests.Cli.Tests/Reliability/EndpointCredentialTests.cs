using System.Net;
using System.Net.Sockets;
using Qwen3EvalTests.Tests.Served;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>Credentials in an endpoint URL are never printed, logged or recorded; a dead server fails within the options' deadline.</summary>
public sealed class EndpointCredentialTests : IDisposable
{
    private const string Secret = "s3cr3t";
    private readonly ScratchFolder scratch = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        scratch.Dispose();
    }

    [Fact]
    public async Task ARunAgainstADeadPortNeverShowsTheUrlsPassword()
    {
        var output = scratch["dead"];
        var started = DateTime.UtcNow;

        var run = await CliRun.RunAsync("run", "--engine", "openai", "--endpoint", $"http://user:{Secret}@127.0.0.1:{DeadPort()}/?api_key={Secret}", "--kind", "base",
            "--benchmark", "mmlu", "--limit", "1", "--out", output, "--request-timeout", "2", "--retries", "1");

        run.ExitCode.Should().Be(QwenEvalCli.ExitFailed, run.Stderr);
        run.Stderr.Should().Contain("127.0.0.1").And.Contain("after 2 tries");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(30));
        AssertNoSecret(run, output);
    }

    [Fact]
    public async Task ARunAgainstAServerAnswering500NeverShowsTheUrlsPassword()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        for (var i = 0; i < 4; i++)
        {
            server.Fail("/v1/models", 500);
        }

        var output = scratch["failing"];
        var run = await CliRun.RunAsync("run", "--engine", "openai", "--endpoint", $"http://user:{Secret}@127.0.0.1:{server.Port}", "--kind", "base",
            "--benchmark", "mmlu", "--limit", "1", "--out", output, "--request-timeout", "5", "--retries", "1");

        run.ExitCode.Should().Be(QwenEvalCli.ExitFailed, run.Stderr);
        run.Stderr.Should().Contain("HTTP 500").And.Contain("http://***@127.0.0.1");
        AssertNoSecret(run, output);
    }

    [Fact]
    public async Task ABadEndpointOptionIsReportedWithoutItsPassword()
    {
        var run = await CliRun.RunAsync("run", "--engine", "openai", "--endpoint", $"ftp://user:{Secret}@host", "--out", scratch["bad"], "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--endpoint").And.Contain("***@host");
        run.Stderr.Should().NotContain(Secret);
    }

    [Fact]
    public async Task RefusesANonPositiveTimeoutAndNegativeRetriesTogether()
    {
        var run = await CliRun.RunAsync("run", "--engine", "openai", "--endpoint", "http://127.0.0.1:1", "--request-timeout", "0", "--retries", "-1", "--out", scratch["opts"], "--no-cache");

        run.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        run.Stderr.Should().Contain("--request-timeout").And.Contain("--retries");
    }

    private static void AssertNoSecret(CliRun run, string output)
    {
        run.Stdout.Should().NotContain(Secret);
        run.Stderr.Should().NotContain(Secret);
        if (Directory.Exists(output))
        {
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/models/", StringComparison.Ordinal)))
            {
                File.ReadAllText(file).Should().NotContain(Secret, file);
            }
        }
    }

    private static int DeadPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
