using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Tests.Scoring;

public class ChoicePickerTests
{
    private static LogLikelihoodResult Result(double? context, int contextTokens, params (double LogProb, int Tokens)[] options) =>
        new(options.Select(o => new ContinuationScore(o.LogProb, o.Tokens, IsGreedy: false)).ToList(), contextTokens, 0, context);

    [Fact]
    public void LogLikelihoodPicksTheHighestSum()
    {
        var result = Result(null, 10, (-3.0, 1), (-1.0, 1), (-2.0, 1), (-5.0, 1));
        ChoicePicker.Pick(result, ChoiceRule.LogLikelihood).Should().Be(1);
    }

    [Fact]
    public void TokenNormalisedDividesByContinuationLength()
    {
        // Sums favour option 0 (-4 > -6), per-token favours option 1 (-2 > -4... per token -4 vs -2).
        var result = Result(null, 10, (-4.0, 1), (-6.0, 3), (-9.0, 1), (-9.0, 1));
        ChoicePicker.Pick(result, ChoiceRule.LogLikelihood).Should().Be(0);
        ChoicePicker.Pick(result, ChoiceRule.TokenNormalised).Should().Be(1);
    }

    [Fact]
    public void SequencePerplexityAveragesOverEveryTokenOfTheSequenceFirstIncluded()
    {
        // OpenCompass get_ppl (models/huggingface_above_v4_33.py L419-430): loss summed over the N-1 predicted tokens, divided
        // by lens = the N non-pad tokens, the first (unpredicted) one included.
        // Context of 5 tokens: 4 predicted, summed log-prob -8. Option 0: 1 token -2 → N = 6, -10/6.
        // Option 1: 3 tokens -3 → N = 8, -11/8 (better per token although its sum is lower).
        var result = Result(-8.0, 5, (-2.0, 1), (-3.0, 3), (-20.0, 1), (-20.0, 1));
        ChoicePicker.Scores(result, ChoiceRule.SequencePerplexity)[0].Should().BeApproximately(-10.0 / 6, 1e-12);
        ChoicePicker.Scores(result, ChoiceRule.SequencePerplexity)[1].Should().BeApproximately(-11.0 / 8, 1e-12);
        ChoicePicker.Pick(result, ChoiceRule.SequencePerplexity).Should().Be(1);
    }

    [Fact]
    public void SequencePerplexityWithoutContextLogProbIsAProgrammingError()
    {
        var result = Result(null, 5, (-2.0, 1), (-3.0, 1));
        var act = () => ChoicePicker.Pick(result, ChoiceRule.SequencePerplexity);
        act.Should().Throw<InvalidOperationException>().WithMessage("*IncludeContextLogProb*");
    }

    [Fact]
    public void TiesGoToTheFirstOptionAsArgmaxDoes()
    {
        ChoicePicker.ArgMax([-1.0, -1.0, -2.0, -1.0]).Should().Be(0);
    }
}
