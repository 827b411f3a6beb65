using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Tests.Evaluation;

namespace Qwen3EvalTests.Tests.Scoring;

/// <summary>
/// The whole-sequence rules, with a backend that fits requests by <see cref="TokenizedRequest.FittedTo"/> as every engine does
/// (one character = one token, a context far longer than the model needs). Expected kept contexts come from the upstream
/// expressions evaluated as Python slices here, not from the code under test:
/// lm-eval (EleutherAI/lm-evaluation-harness 4e7e0d47 lm_eval/models/huggingface.py L1436)
/// <c>inp = (context_enc + continuation_enc)[-(max_length + 1):][:-1]</c>, the context being what precedes the continuation's
/// first token in <c>inp</c>; OpenCompass (open-compass/opencompass 26d077b0 opencompass/models/huggingface_above_v4_33.py
/// L400-407, truncation_side='left' L180) <c>tokenizer(context + continuation, truncation=True, max_length=max_seq_len)</c>.
/// </summary>
public class SequenceTruncationTests
{
    private const int MaxLength = 100;

    [Theory]
    [InlineData(99, 2)] // 99 + 2 = max_length + 1: the whole sequence fits (its last token is not fed)
    [InlineData(100, 2)] // one token over
    [InlineData(150, 2)]
    [InlineData(5, 100)] // a continuation of exactly max_length keeps one context token
    public void LmEvalKeepsTheLastMaxLengthPlusOneTokensAndFeedsAllButTheLast(int contextTokens, int continuationTokens)
    {
        var continuation = new string('c', continuationTokens);
        var fed = ScoreWith(ContextTruncation.LmEval(MaxLength), contextTokens, [continuation]);

        fed.Single().Should().Be(LmEvalKeptContext(contextTokens, continuationTokens));
    }

    [Fact]
    public void LmEvalRefusesAContinuationLongerThanMaxLengthAsItsAssertDoes()
    {
        var act = () => ScoreWith(ContextTruncation.LmEval(MaxLength), 10, [new string('c', MaxLength + 1)]);

        act.Should().Throw<EvalInputException>().WithMessage("*continuation of 101 tokens*lm-eval's max_length 100*");
    }

    [Fact]
    public void LmEvalCutsEachContinuationsContextByItsOwnLength()
    {
        var fed = ScoreWith(ContextTruncation.LmEval(MaxLength), 100, ["cc", "ccc", "cc", "cccc"]);

        fed.Should().Equal(LmEvalKeptContext(100, 2), LmEvalKeptContext(100, 3), LmEvalKeptContext(100, 2), LmEvalKeptContext(100, 4));
    }

    [Fact]
    public void LmEvalWithoutAMaxLengthUsesTheModelsContextLength()
    {
        ContextTruncation.LmEval(null).ContextLimitFor(1, 4096).Should().Be(4096);
        ContextTruncation.LmEval(null).Id.Should().Be("lm-eval-left:model-context");
    }

    [Theory]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(300, 3)]
    public void OpenCompassKeepsTheLastMaxSeqLenTokensOfEachWholeSequence(int contextTokens, int continuationTokens)
    {
        var fed = ScoreWith(ContextTruncation.OpenCompass(MaxLength), contextTokens, [new string('c', continuationTokens)]);

        fed.Single().Should().Be(OpenCompassKeptContext(contextTokens, continuationTokens));
    }

    [Fact]
    public void APromptThatFitsIsAskedAsItIs()
    {
        var scorer = new LogLikelihoodScorer(ChoiceRule.LogLikelihood, NextTokenOnly: false, ContextTruncation.LmEval(MaxLength));
        using var model = FittingModel([]);
        var request = scorer.TokenizedRequestOf(model, Prompted(10, ["c", "cc"]));

        scorer.SequenceFitted(request, model.Info.ContextLength).Should().Equal([request]);
    }

    // len(context) within inp = (ctx + cont)[-(L+1):][:-1]: inp holds len(cont) - 1 continuation tokens at its end.
    private static int LmEvalKeptContext(int context, int continuation)
    {
        var inp = Enumerable.Repeat('x', context).Concat(Enumerable.Repeat('c', continuation)).TakeLast(MaxLength + 1).SkipLast(1).Count();
        return inp - (continuation - 1);
    }

    private static int OpenCompassKeptContext(int context, int continuation) =>
        Enumerable.Repeat('x', context).Concat(Enumerable.Repeat('c', continuation)).TakeLast(MaxLength).Count() - continuation;

    private static List<int> ScoreWith(ContextTruncation truncation, int contextTokens, IReadOnlyList<string> continuations)
    {
        var scorer = new LogLikelihoodScorer(ChoiceRule.LogLikelihood, NextTokenOnly: false, truncation);
        var fedContexts = new List<int>();
        using var model = FittingModel(fedContexts);
        scorer.Score(model, [Prompted(contextTokens, continuations)], TestContext.Current.CancellationToken);
        return fedContexts;
    }

    private static PromptedQuestion Prompted(int contextTokens, IReadOnlyList<string> continuations) =>
        new(new Question(Benchmark.Mmlu, "anatomy", Split.Test, 0, "q", ["a", "b", "c", "d"], 'A', Explanation: null, new SourceLocation("anatomy_test.csv", 1)),
            new string('x', contextTokens),
            continuations);

    /// <summary>Fits every request as the engines do (<see cref="TokenizedRequest.FittedTo"/>) and records each context fed, per continuation, in <paramref name="fedContexts"/>.</summary>
    private static FakeLanguageModel FittingModel(List<int> fedContexts) => FakeLanguageModel.Scoring((r, model) =>
    {
        var fed = r.TokensWith(model.Encode).FittedTo(r.MaxContextTokens, model.Info.ContextLength, emptyContext: null, "fake", null, "context");
        fedContexts.AddRange(fed.Continuations.Select(_ => fed.Context.Count));
        return new LogLikelihoodResult([.. fed.Continuations.Select(c => new ContinuationScore(-1, c.Count, false))], fed.Context.Count, fed.TruncatedTokens, null);
    });
}
