using System.Runtime.InteropServices;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation, so a run stops cleanly between chunks;
/// a second signal is left to its default action and ends the process at once.
/// </summary>
public sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
