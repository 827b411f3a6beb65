using System.Text.Json;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Reliability;

/// <summary>The runtime settings qwen3eval ships with, read from the qwen3eval.runtimeconfig.json the build writes.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void TheGen0BudgetIsCappedSoMemoryStaysFlatOverALongRun()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "qwen3eval.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64().Should().Be(16 * 1024 * 1024);
        properties.GetProperty("System.GC.ConserveMemory").GetInt32().Should().Be(7, "the old generation is compacted sooner");
    }

    [Fact]
    public void GlibcsMmapThresholdIsFixedAndItsArenasLimitedOnLinux()
    {
        if (SkipRequirements.Glibc() is { } reason)
        {
            Assert.Skip(reason);
        }

        NativeHeap.Configure().Should().BeTrue("glibc's mallopt accepts M_MMAP_THRESHOLD = 128 KiB and M_ARENA_MAX = 2");
    }
}
