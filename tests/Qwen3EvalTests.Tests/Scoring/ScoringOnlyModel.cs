using Qwen3EvalTests.Models;
using Qwen3EvalTests.Tests.Evaluation;

namespace Qwen3EvalTests.Tests.Scoring;

/// <summary>
/// A language model whose scoring is <paramref name="scoreOne"/> (given each request and this model, for its encoder and
/// context length); everything else is <see cref="FakeLanguageModel"/>'s, with a context far longer than any test needs.
/// For tests that watch what a scorer asks the backend for.
/// </summary>
public sealed class ScoringOnlyModel(Func<LogLikelihoodRequest, ILanguageModel, LogLikelihoodResult> scoreOne) : ILanguageModel
{
    private readonly FakeLanguageModel inner = new((_, _) => -1);

    public ModelInfo Info => inner.Info with { ContextLength = 1 << 20 };

    public GenerationSupport Generation => inner.Generation;

    public InferenceCounters Counters => inner.Counters;

    public IReadOnlyList<int> Encode(string text) => inner.Encode(text);

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default) =>
        [.. requests.Select(r => scoreOne(r, this))];

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default) => inner.Generate(prompt, settings, cancellationToken);

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) => inner.ApplyChatTemplate(messages, addGenerationPrompt);

    public void Dispose() => inner.Dispose();
}
