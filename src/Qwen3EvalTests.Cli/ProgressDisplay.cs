using System.Diagnostics;
using Qwen3EvalTests.Evaluation;
using Spectre.Console;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// A progress bar with questions per second and ETA (Spectre.Console) around a long job — only
/// when stdout is a terminal and the output is not JSON; otherwise the job runs quietly.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(bool json, Func<IProgress<EvaluationProgress>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (json || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new BarProgress(context)));
    }

    /// <summary>Reports straight into the bar (no synchronisation context: the evaluator reports on its own thread).</summary>
    private sealed class BarProgress(ProgressContext context) : IProgress<EvaluationProgress>
    {
        private ProgressTask? _task;
        private string? _benchmark;
        private int _lastDone;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _taskStart;
        private TimeSpan _lastReport;

        public void Report(EvaluationProgress value)
        {
            if (_task is null || value.Benchmark != _benchmark || value.QuestionsDone < _lastDone)
            {
                _task?.StopTask();
                _task = context.AddTask(value.Benchmark, maxValue: Math.Max(1, value.QuestionsTotal ?? value.QuestionsDone));
                _benchmark = value.Benchmark;
                _taskStart = _lastReport; // a run starts when the previous one reported its last questions (or when the display started)
            }

            _lastReport = _clock.Elapsed;

            _lastDone = value.QuestionsDone;
            if (value.QuestionsTotal is { } total)
            {
                _task.MaxValue = Math.Max(1, total);
            }

            _task.Value = value.QuestionsDone;
            var seconds = (_lastReport - _taskStart).TotalSeconds;
            var perSecond = seconds > 0 ? value.QuestionsDone / seconds : 0;
            _task.Description = FormattableString.Invariant($"{value.Benchmark} {Markup.Escape(value.Subject)} {value.QuestionsDone}/{value.QuestionsTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {perSecond:F1} q/s");
        }
    }
}
