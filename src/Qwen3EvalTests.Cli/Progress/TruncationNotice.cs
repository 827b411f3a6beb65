using System.Globalization;
using Qwen3EvalTests.Evaluation;

namespace Qwen3EvalTests.Cli.Progress;

/// <summary>
/// Watches each benchmark run and, once at least <see cref="SampleQuestions"/> (or all of a smaller run) are scored, as
/// soon as more than a quarter of the prompts so far were cut from the left to fit the model's context, writes one note
/// saying so and what to do — once per benchmark. A truncated prompt loses its start (the instruction and the first
/// few-shot examples), so those questions are scored on a different prompt than the protocol's. (The default byte model
/// on the full MMLU: 26 of 57 first questions of the subjects, 767 of 1,710 with --limit 30.)
/// </summary>
/// <param name="output">Where the note goes (stderr).</param>
/// <param name="contextLength">The model's context in tokens.</param>
/// <param name="protocolLimits">Per benchmark id, the most context tokens the protocol's own rule keeps (Qwen's MMLU: 2047), when it has one.</param>
public sealed class TruncationNotice(TextWriter output, int contextLength, IReadOnlyDictionary<string, int>? protocolLimits = null) : IProgress<EvaluationProgress>
{
    /// <summary>Questions looked at before deciding.</summary>
    public const int SampleQuestions = 20;

    /// <summary>The benchmarks already noted.</summary>
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);

    public void Report(EvaluationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_noted.Contains(value.Benchmark) || value.QuestionsDone < Math.Min(SampleQuestions, value.QuestionsTotal ?? SampleQuestions))
        {
            return;
        }

        if (value.Truncated * 4 > value.QuestionsDone)
        {
            _noted.Add(value.Benchmark);
            var byProtocol = protocolLimits?.GetValueOrDefault(value.Benchmark) is > 0 and var limit && limit < contextLength ? limit : (int?)null;
            output.WriteLine(byProtocol is { } keep
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"note: {value.Truncated} of the first {value.QuestionsDone} {value.Benchmark} prompts were cut from the left by the protocol's own rule (it keeps at most {keep} context tokens; the model's context is {contextLength}), so they are scored without their start, as the reference script scores them; fewer --shots would keep them whole, but no longer reproduce the protocol.")
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"note: {value.Truncated} of the first {value.QuestionsDone} {value.Benchmark} prompts were cut from the left to fit the model's {contextLength}-token context, so they are scored without their start; use a model with a larger context, or fewer --shots."));
        }
    }
}
