using System.Diagnostics;

namespace Qwen3EvalTests.Gate.Heartbeat;

/// <summary>
/// Writes "still running after N s" to a test's output every interval until disposed. xUnit v3 sends test output
/// to the runner as it is written, so a long test keeps the channel to <c>dotnet test</c> alive.
/// </summary>
public sealed class TestHeartbeat : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _stopped;

    public TestHeartbeat(ITestOutputHelper output, TimeSpan interval)
    {
        _output = output;
        _timer = new Timer(_ => Beat(), null, interval, interval);
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            try
            {
                _output.WriteLine(FormattableString.Invariant($"still running after {_elapsed.Elapsed.TotalSeconds:F0} s"));
            }
            catch (InvalidOperationException)
            {
                // The test ended between the timer firing and this write: there is nothing left to keep alive.
                _stopped = true;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }
}
