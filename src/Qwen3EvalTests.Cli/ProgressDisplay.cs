using Qwen3EvalTests.Cli.Progress;
using Qwen3EvalTests.Evaluation;
using Spectre.Console;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// A progress bar around a long job (Spectre.Console) whose line is a <see cref="ProgressLine"/>: questions per second and
/// ETA over the recent questions, and how long a request has been waiting — only when stdout is a terminal and the output
/// is not JSON. A sink that must see every report whatever the display (the truncation note) is passed as <c>always</c>.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>How often the line is redrawn between reports (so the waiting time counts up).</summary>
    private static readonly TimeSpan Redraw = TimeSpan.FromSeconds(1);

    public static T Run<T>(bool json, Func<IProgress<EvaluationProgress>?, T> work) => Run(json, "the model", null, work);

    /// <param name="json">JSON output: no bar.</param>
    /// <param name="waitingFor">What a request waits for, in the waiting line: "the server" or "the model".</param>
    /// <param name="always">Gets every report, with or without the bar; null for none.</param>
    /// <param name="work">The job, given the sink of its reports (null when nothing listens).</param>
    public static T Run<T>(bool json, string waitingFor, IProgress<EvaluationProgress>? always, Func<IProgress<EvaluationProgress>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (json || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(always);
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                using var bar = new BarProgress(context, new ProgressLine(TimeProvider.System, waitingFor));
                return work(always is null ? bar : new EveryOne([bar, always]));
            });
    }

    /// <summary>Reports straight into the bar (no synchronisation context: the evaluator reports on its own thread).</summary>
    private sealed class BarProgress : IProgress<EvaluationProgress>, IDisposable
    {
        private readonly ProgressContext _context;
        private readonly ProgressLine _line;
        private readonly Timer _redraw;
        private readonly Lock _gate = new();
        private ProgressTask? _task;

        public BarProgress(ProgressContext context, ProgressLine line)
        {
            _context = context;
            _line = line;
            _redraw = new Timer(_ => Draw(), null, Redraw, Redraw);
        }

        public void Report(EvaluationProgress value)
        {
            lock (_gate)
            {
                if (_task is null || _line.Starts(value))
                {
                    _task?.StopTask();
                    _task = _context.AddTask(value.Benchmark, maxValue: Math.Max(1, value.QuestionsTotal ?? value.QuestionsDone));
                }

                _line.Report(value);
                if (value.QuestionsTotal is { } total)
                {
                    _task.MaxValue = Math.Max(1, total);
                }

                _task.Value = value.QuestionsDone;
            }

            Draw();
        }

        private void Draw()
        {
            lock (_gate)
            {
                if (_task is not null && _line.Describe() is { } text)
                {
                    _task.Description = Markup.Escape(text);
                }
            }
        }

        public void Dispose() => _redraw.Dispose();
    }

    /// <summary>Hands each report to every sink, in order.</summary>
    private sealed class EveryOne(IReadOnlyList<IProgress<EvaluationProgress>> sinks) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            foreach (var sink in sinks)
            {
                sink.Report(value);
            }
        }
    }
}
