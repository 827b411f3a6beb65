using System.Diagnostics;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// A model whose <see cref="Score"/> and <see cref="Generate"/> calls are timed on the wall clock: for a served engine, the
/// time the harness waits for the server's answers (with several requests in flight the per-request times overlap, so their
/// sum is not the time waited). Everything else passes through; disposing disposes the model.
/// </summary>
internal sealed class TimedLanguageModel(ILanguageModel model) : ILanguageModel
{
    private TimeSpan inside;

    /// <summary>The wall time spent inside Score and Generate so far.</summary>
    public TimeSpan Inside => inside;

    public ModelInfo Info => model.Info;

    public string EngineDescription => model.EngineDescription;

    public ModelIdentity Identity => model.Identity;

    public GenerationSupport Generation => model.Generation;

    public InferenceCounters Counters => model.Counters;

    public bool PreparesConcurrently => model.PreparesConcurrently;

    public IReadOnlyList<int> Encode(string text) => model.Encode(text);

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return model.Score(requests, cancellationToken);
        }
        finally
        {
            inside += clock.Elapsed;
        }
    }

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return model.Generate(prompt, settings, cancellationToken);
        }
        finally
        {
            inside += clock.Elapsed;
        }
    }

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) => model.ApplyChatTemplate(messages, addGenerationPrompt);

    public void Dispose() => model.Dispose();
}
