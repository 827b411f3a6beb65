using System.Collections.Concurrent;

using Qwen3EvalTests.Gate.Heartbeat;

namespace Qwen3EvalTests.Tests.TestSupport;

public sealed class TestHeartbeatTests
{
    [Fact]
    public void WritesWhileRunningAndNothingAfterDisposal()
    {
        var output = new RecordingOutput();
        using (new TestHeartbeat(output, TimeSpan.FromMilliseconds(20)))
        {
            SpinWait.SpinUntil(() => output.Lines.Count >= 2, TimeSpan.FromSeconds(10)).Should().BeTrue("two beats fit in ten seconds at 20 ms");
        }

        var afterDisposal = output.Lines.Count;
        Thread.Sleep(100);
        output.Lines.Should().HaveCount(afterDisposal, "a disposed heartbeat writes nothing more");
        output.Lines.Should().AllSatisfy(line => line.Should().MatchRegex(@"^still running after \d+ s$"));
    }

    [Fact]
    public void StopsQuietlyWhenTheTestHasEnded()
    {
        var output = new RecordingOutput { EndedAfter = 1 };
        using var heartbeat = new TestHeartbeat(output, TimeSpan.FromMilliseconds(20));
        SpinWait.SpinUntil(() => output.Attempts >= 2, TimeSpan.FromSeconds(10)).Should().BeTrue("two beats fit in ten seconds at 20 ms");
        Thread.Sleep(200);

        output.Attempts.Should().Be(2, "after xUnit refuses a write (the test ended) the heartbeat stops trying");
        output.Lines.Should().ContainSingle();
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private int _attempts;

        public ConcurrentQueue<string> Lines { get; } = new();

        public int? EndedAfter { get; init; }

        public int Attempts => _attempts;

        public string Output => string.Join('\n', Lines);

        public void Write(string message) => WriteLine(message);

        public void Write(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void WriteLine(string message)
        {
            if (Interlocked.Increment(ref _attempts) > EndedAfter)
            {
                throw new InvalidOperationException("There is no currently active test.");
            }

            Lines.Enqueue(message);
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
