using System.Diagnostics;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// A model whose <see cref="Score"/> and <see cref="Generate"/> calls are timed on the wall clock: for a served engine, the
/// time the harness waits for the server's answers (with several requests in flight the per-request times overlap, so their
/// sum is not the time waited). Everything else passes through; disposing disposes the model.
/// </summary>
internal sealed class TimedLanguageModel(ILanguageModel model) : LanguageModelDecorator(model)
{
    private TimeSpan inside;

    /// <summary>The wall time spent inside Score and Generate so far.</summary>
    public TimeSpan Inside => inside;

    public override IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return base.Score(requests, cancellationToken);
        }
        finally
        {
            inside += clock.Elapsed;
        }
    }

    public override string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return base.Generate(prompt, settings, cancellationToken);
        }
        finally
        {
            inside += clock.Elapsed;
        }
    }
}
