using Qwen3EvalTests.Application.Bench;

namespace Qwen3EvalTests.Inference.Tests.Bench;

/// <summary>Reading llama.cpp's /metrics: the prompt tokens processed, or null where the exposition has no such counter.</summary>
public sealed class ServerProbeTests
{
    // Verbatim from GET /metrics of eng/llama-server.sh's build (node-llama-cpp 3.22.1's llama.cpp, build b1-de3ff81, started
    // with --metrics) after two /completion requests of one 14-token prompt: 14 processed, then 1 (13 from the prompt cache).
    private const string LlamaServerMetrics = """
        # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed, excluding cached tokens
        # TYPE llamacpp:prompt_tokens_total counter
        llamacpp:prompt_tokens_total 15
        # HELP llamacpp:prompt_tokens_cached_total Number of prompt tokens reused from the cache
        # TYPE llamacpp:prompt_tokens_cached_total counter
        llamacpp:prompt_tokens_cached_total 13
        # HELP llamacpp:prompt_seconds_total Total time spent processing prompts
        # TYPE llamacpp:prompt_seconds_total counter
        llamacpp:prompt_seconds_total 0.005575
        """;

    [Fact]
    public void ReadsThePromptTokensProcessedNotTheCachedOnes()
    {
        ServerProbe.PromptTokensIn(LlamaServerMetrics).Should().Be(15);
    }

    [Fact]
    public void ReadsACounterWrittenInExponentNotation()
    {
        ServerProbe.PromptTokensIn("llamacpp:prompt_tokens_total 2.131299e+06\n").Should().Be(2_131_299);
    }

    [Fact]
    public void IsNullForAnotherServersMetrics()
    {
        // vLLM's counter of every prompt token, cached or not, is not llama.cpp's count of the processed ones.
        ServerProbe.PromptTokensIn("# TYPE vllm:prompt_tokens_total counter\nvllm:prompt_tokens_total{model_name=\"m\"} 1234.0\n").Should().BeNull();
    }

    [Fact]
    public void ThePeakResidentSetOfAProcessComesFromProcAndOfNoProcessIsNull()
    {
        var own = ServerProbe.PeakRssOf(Environment.ProcessId);

        if (OperatingSystem.IsLinux())
        {
            own.Should().BePositive();
        }
        else
        {
            own.Should().BeNull("only Linux has /proc/<pid>/status");
        }

        ServerProbe.PeakRssOf(null).Should().BeNull();
    }
}
