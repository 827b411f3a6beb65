using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Tests.Evaluation;

namespace Qwen3EvalTests.Tests.Scoring;

public class LogLikelihoodScorerTests
{
    private static readonly LogLikelihoodScorer QwenMmlu = new(ChoiceRule.LogLikelihood, NextTokenOnly: true, ContextTruncation.KeepLastWhenLongerThan(2048, 2047));

    /// <summary>
    /// Expected kept lengths from evaluate_mmlu.py L82-83 (<c>input_ids[:, len - 2048 + 1:]</c> when len &gt; 2048), with a
    /// backend that, like the GenAI one, keeps the last MaxContextTokens of a longer context (one char = one token).
    /// </summary>
    [Theory]
    [InlineData(2000, 2000, 0)]
    [InlineData(2047, 2047, 0)]
    [InlineData(2048, 2048, 0)]
    [InlineData(2049, 2047, 2)]
    [InlineData(5000, 2047, 2953)]
    public void EveryPromptGetsExactlyQwensMmluTruncation(int promptTokens, int kept, int dropped)
    {
        using var model = new KeepLastModel();
        var question = new PromptedQuestion(Question(), new string('x', promptTokens - 1) + ":", [" A", " B", " C", " D"]);

        var outcome = QwenMmlu.Score(model, [question], TestContext.Current.CancellationToken).Single();

        outcome.PromptTokens.Should().Be(kept);
        outcome.TruncatedTokens.Should().Be(dropped);
        model.Fed.Last().Should().Be(kept, "the backend was last asked for the rule's length");
    }

    private static Question Question() =>
        new(Benchmark.Mmlu, "anatomy", Split.Test, 0, "q", ["a", "b", "c", "d"], 'A', Explanation: null, new SourceLocation("anatomy_test.csv", 1));

    /// <summary>Keeps the last MaxContextTokens characters of a longer context, as the GenAI backend does with tokens.</summary>
    private sealed class KeepLastModel : IDisposable, ILanguageModel
    {
        private readonly FakeLanguageModel inner = new((_, _) => -1);

        public List<int> Fed { get; } = [];

        public ModelInfo Info => inner.Info with { ContextLength = 1 << 20 };

        public GenerationSupport Generation => inner.Generation;

        public InferenceCounters Counters => inner.Counters;

        public IReadOnlyList<int> Encode(string text) => inner.Encode(text);

        public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default) =>
            [.. requests.Select(r =>
            {
                var kept = Math.Min(r.Context.Length, r.MaxContextTokens ?? int.MaxValue);
                Fed.Add(kept);
                return new LogLikelihoodResult([.. r.Continuations.Select(_ => new ContinuationScore(-1, 1, false))], kept, r.Context.Length - kept, null);
            })];

        public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default) => inner.Generate(prompt, settings, cancellationToken);

        public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) => inner.ApplyChatTemplate(messages, addGenerationPrompt);

        public void Dispose() => inner.Dispose();
    }
}
