using System.Globalization;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Progress;

/// <summary>
/// Watches the first questions of each benchmark run and, when most of their prompts were cut from the left to fit the
/// model's context, writes one note saying so and what to do — once per benchmark, as soon as
/// <see cref="SampleQuestions"/> (or all of a smaller run) are scored. A truncated prompt loses its start (the
/// instruction and the first few-shot examples), so the score is of a different prompt than the protocol's.
/// </summary>
public sealed class TruncationNotice(TextWriter output, int contextLength) : IProgress<EvaluationProgress>
{
    /// <summary>Questions looked at before deciding.</summary>
    public const int SampleQuestions = 20;

    private readonly HashSet<string> _decided = new(StringComparer.Ordinal);

    public void Report(EvaluationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_decided.Contains(value.Benchmark) || value.QuestionsDone < Math.Min(SampleQuestions, value.QuestionsTotal ?? SampleQuestions))
        {
            return;
        }

        _decided.Add(value.Benchmark);
        if (value.Truncated * 2 > value.QuestionsDone)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"note: {value.Truncated} of the first {value.QuestionsDone} {value.Benchmark} prompts were cut from the left to fit the model's {contextLength}-token context, so most are scored without their start; use a model with a larger context, or fewer --shots."));
        }
    }
}
