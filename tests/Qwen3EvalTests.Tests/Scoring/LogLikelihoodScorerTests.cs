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
        // Keeps the last MaxContextTokens characters of a longer context, as the GenAI backend does with tokens.
        var fed = new List<int>();
        using var model = FakeLanguageModel.Scoring((r, _) =>
        {
            var kept = Math.Min(r.Context.Length, r.MaxContextTokens ?? int.MaxValue);
            fed.Add(kept);
            return new LogLikelihoodResult([.. r.Continuations.Select(_ => new ContinuationScore(-1, 1, false))], kept, r.Context.Length - kept, null);
        });
        var question = new PromptedQuestion(Question(), new string('x', promptTokens - 1) + ":", [" A", " B", " C", " D"]);

        var outcome = QwenMmlu.Score(model, [question], TestContext.Current.CancellationToken).Single();

        outcome.PromptTokens.Should().Be(kept);
        outcome.TruncatedTokens.Should().Be(dropped);
        fed.Last().Should().Be(kept, "the backend was last asked for the rule's length");
    }

    private static Question Question() =>
        new(Benchmark.Mmlu, "anatomy", Split.Test, 0, "q", ["a", "b", "c", "d"], 'A', Explanation: null, new SourceLocation("anatomy_test.csv", 1));
}
