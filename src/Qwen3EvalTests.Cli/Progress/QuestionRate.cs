namespace Qwen3EvalTests.Cli.Progress;

/// <summary>
/// Questions per second over a window of recent reports, not since the first question: the first chunk of a run (model
/// warm-up, a subject's few-shot prefix, cache hits) says little about the rest, and an ETA from it was off by 40×.
/// The window keeps every report of the last <see cref="Window"/> and the one just before it, so the rate always spans at
/// least one interval between reports even when reports are further apart than the window.
/// </summary>
public sealed class QuestionRate(TimeProvider clock, TimeSpan window)
{
    /// <summary>The default window: long enough to span several chunks, short enough to follow a change of subject.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    private readonly LinkedList<(long Timestamp, int Done)> _samples = new();

    public TimeSpan Window { get; } = window;

    /// <summary>Starts counting anew (a new benchmark or repeat) from no question done at <paramref name="since"/> (a timestamp of the clock; default now).</summary>
    public void Restart(long? since = null)
    {
        _samples.Clear();
        _samples.AddLast((since ?? clock.GetTimestamp(), 0));
    }

    /// <summary>Records that <paramref name="done"/> questions are done now.</summary>
    public void Add(int done)
    {
        var now = clock.GetTimestamp();
        _samples.AddLast((now, done));
        while (_samples.First!.Next is { } second && clock.GetElapsedTime(second.Value.Timestamp, now) >= Window)
        {
            _samples.RemoveFirst();
        }
    }

    /// <summary>Questions per second over the window; null before a question is done in it.</summary>
    public double? PerSecond
    {
        get
        {
            if (_samples.Count < 2)
            {
                return null;
            }

            var (firstTime, firstDone) = _samples.First!.Value;
            var (lastTime, lastDone) = _samples.Last!.Value;
            var seconds = clock.GetElapsedTime(firstTime, lastTime).TotalSeconds;
            return seconds > 0 && lastDone > firstDone ? (lastDone - firstDone) / seconds : null;
        }
    }

    /// <summary>How long the questions left of <paramref name="total"/> take at <see cref="PerSecond"/>; null without a rate.</summary>
    public TimeSpan? Remaining(int total) =>
        PerSecond is { } rate && _samples.Last is { } last ? TimeSpan.FromSeconds(Math.Max(0, total - last.Value.Done) / rate) : null;
}
