using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Qwen3EvalTests.Gate.Heartbeat;

/// <summary>
/// Starts a <see cref="TestHeartbeat"/> for each test it applies to (<c>[assembly: TestHeartbeat]</c> applies it
/// to every test of the assembly). Why: the VSTest adapter (xunit.runner.visualstudio 3.1.5) declares the test
/// process crashed when, at the process's exit, the last message it has seen is older than its wait; a last test
/// silent for over a minute (the planted model on all 14,042 MMLU questions) made CI report "Test process crashed
/// with exit code 0" with the run's final results still in the pipe. A test shorter than
/// <see cref="Interval"/> writes nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TestHeartbeatAttribute : BeforeAfterTestAttribute
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, TestHeartbeat> Running = new(StringComparer.Ordinal);

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (TestContext.Current.TestOutputHelper is { } output)
        {
            Running[test.UniqueID] = new TestHeartbeat(output, Interval);
        }
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (Running.TryRemove(test.UniqueID, out var heartbeat))
        {
            heartbeat.Dispose();
        }
    }
}
