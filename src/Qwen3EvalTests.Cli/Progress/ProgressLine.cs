using System.Globalization;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Progress;

/// <summary>
/// The one line of progress of a run: benchmark, subject, questions done of the total, the recent rate and ETA
/// (<see cref="QuestionRate"/>), and, once no question has been answered for <see cref="WaitingAfter"/>, how long the
/// engine has kept it waiting ("waiting 12 s for the server…"). Plain text; the display escapes it.
/// </summary>
/// <param name="clock">The clock of the rate and of the waiting time.</param>
/// <param name="waitingFor">What is waited for: "the server" (served engines) or "the model".</param>
public sealed class ProgressLine(TimeProvider clock, string waitingFor)
{
    /// <summary>Silence after which the line says it is waiting.</summary>
    public static readonly TimeSpan WaitingAfter = TimeSpan.FromSeconds(5);

    private readonly QuestionRate _rate = new(clock, QuestionRate.DefaultWindow);
    private EvaluationProgress? _last;
    private long _lastReport = clock.GetTimestamp();

    /// <summary>Whether <paramref name="value"/> starts a new task (another benchmark, or a repeat counting from the start).</summary>
    public bool Starts(EvaluationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _last is null || value.Benchmark != _last.Benchmark || value.QuestionsDone < _last.QuestionsDone;
    }

    public void Report(EvaluationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Starts(value))
        {
            // A task starts when the previous one reported its last questions (or when the display started).
            _rate.Restart(since: _lastReport);
        }

        _rate.Add(value.QuestionsDone);
        _last = value;
        _lastReport = clock.GetTimestamp();
    }

    /// <summary>The line now; null before the first report.</summary>
    public string? Describe()
    {
        if (_last is not { } last)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"{last.Benchmark} {last.Subject} {last.QuestionsDone}/{last.QuestionsTotal?.ToString(c) ?? "?"}");
        if (_rate.PerSecond is { } rate)
        {
            text += string.Create(c, $" {rate:F1} q/s");
            if (last.QuestionsTotal is { } total && _rate.Remaining(total) is { } remaining)
            {
                text += $" ETA {Duration(remaining)}";
            }
        }

        var silent = clock.GetElapsedTime(_lastReport);
        if (silent >= WaitingAfter && last.QuestionsDone < (last.QuestionsTotal ?? int.MaxValue))
        {
            text += string.Create(c, $" · waiting {silent.TotalSeconds:F0} s for {waitingFor}…");
        }

        return text;
    }

    /// <summary>"45 s", "4 m 05 s", "2 h 10 m".</summary>
    public static string Duration(TimeSpan span)
    {
        var c = CultureInfo.InvariantCulture;
        return span.TotalHours >= 1 ? string.Create(c, $"{(int)span.TotalHours} h {span.Minutes:00} m")
            : span.TotalMinutes >= 1 ? string.Create(c, $"{(int)span.TotalMinutes} m {span.Seconds:00} s")
            : string.Create(c, $"{Math.Ceiling(span.TotalSeconds):0} s");
    }
}
