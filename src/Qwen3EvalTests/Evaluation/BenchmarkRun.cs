using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>The outcome of one benchmark run, as data: what was run, every answer, the summary, and where its results file is.</summary>
/// <param name="Header">The run's manifest and settings.</param>
/// <param name="Summary">Scores and counters.</param>
/// <param name="ResultsFile">The results file the run wrote.</param>
/// <param name="Outcomes">Every question's outcome, in run order.</param>
public sealed record BenchmarkRun(RunHeader Header, RunSummary Summary, string ResultsFile, IReadOnlyList<QuestionOutcome> Outcomes)
{
    /// <summary>Each question's chosen answer, in run order: what drift checks, recordings and repeats compare.</summary>
    public IReadOnlyList<RecordedAnswer> Answers() =>
        Outcomes.Select(o => new RecordedAnswer(o.Subject, o.Index, o.Answer.ToString(), o.Predicted?.ToString())).ToList();
}
