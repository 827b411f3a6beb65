using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Models;

/// <summary>
/// The split rules of each <see cref="ContinuationTokenization"/>, on a greedy longest-match encoder whose vocabulary
/// merges a space with the letter after it (" A" is one token, as in Qwen's BPE): Separate as Qwen's scripts, the whole
/// sequence as OpenCompass get_ppl, _encode_pair as lm-eval (lm_eval/api/model.py L368-393). The same rules on the real
/// Qwen3 tokenizer: Qwen3EvalTests.Inference.Tests RequestTokenizerQwen3Tests.
/// </summary>
public sealed class RequestTokenizerTests
{
    // id = index in this list; unknown characters get 1000 + their code.
    private static readonly string[] Vocabulary = ["Answer", ":", " A", " B", " ", "A", "B", "\n", "x", "a", "b", "ab"];

    private static IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>();
        for (var i = 0; i < text.Length;)
        {
            var best = -1;
            for (var v = 0; v < Vocabulary.Length; v++)
            {
                if (text.AsSpan(i).StartsWith(Vocabulary[v], StringComparison.Ordinal) && (best < 0 || Vocabulary[v].Length > Vocabulary[best].Length))
                {
                    best = v;
                }
            }

            ids.Add(best < 0 ? 1000 + text[i] : best);
            i += best < 0 ? 1 : Vocabulary[best].Length;
        }

        return ids;
    }

    [Fact]
    public void SeparateEncodesContextAndEachContinuationOnTheirOwn()
    {
        var request = new LogLikelihoodRequest("Answer: ", ["A", "B"]);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        tokens.Context.Should().Equal(0, 1, 4); // "Answer: " alone ends in a lone space
        tokens.Continuations.Should().HaveCount(2);
        tokens.Continuations[0].Should().Equal(5);
        tokens.Continuations[1].Should().Equal(6);
    }

    [Fact]
    public void SeparateNextTokenOnlyKeepsTheLastIdOfEachContinuation()
    {
        // Qwen's scripts: tokenizer(" A").input_ids[-1]. With " A" split as " " + "A" (no merge here: "\n" + "A"), the last id is "A".
        var request = new LogLikelihoodRequest("Answer:", ["\nA", "\nB"], NextTokenOnly: true);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        tokens.Context.Should().Equal(0, 1);
        tokens.Continuations[0].Should().Equal(5);
        tokens.Continuations[1].Should().Equal(6);
    }

    [Fact]
    public void WholeSequenceEncodesEachSequenceInOnePieceAndSplitsAtWhatTheyShare()
    {
        // OpenCompass scores "Answer: A" as [Answer, :, " A"], never [Answer, :, " ", A].
        var request = new LogLikelihoodRequest("Answer: ", ["A", "B"], IncludeContextLogProb: true, Tokenization: ContinuationTokenization.WholeSequence);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        RequestTokenizer.Texts(request).Should().Equal("Answer: A", "Answer: B");
        tokens.Context.Should().Equal(0, 1);
        tokens.Continuations[0].Should().Equal(2);
        tokens.Continuations[1].Should().Equal(3);
    }

    [Fact]
    public void WholeSequenceLeavesEveryContinuationAtLeastOneIdOfItsOwn()
    {
        var request = new LogLikelihoodRequest("Answer: ", ["A", "A"], Tokenization: ContinuationTokenization.WholeSequence);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        tokens.Context.Should().Equal(0, 1);
        tokens.Continuations[0].Should().Equal(2);
        tokens.Continuations[1].Should().Equal(2);
    }

    [Fact]
    public void EncodePairMovesTheContextsTrailingWhitespaceIntoTheContinuation()
    {
        // lm-eval chat: the context ends "assistant\n", the continuation "A" is scored as "\nA".
        var request = new LogLikelihoodRequest("x\n", ["A", "B"], Tokenization: ContinuationTokenization.LmEvalEncodePair);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        RequestTokenizer.Texts(request).Should().Equal("x", "x\nA", "x\nB");
        tokens.Context.Should().Equal(8);
        tokens.Continuations[0].Should().Equal(7, 5);
        tokens.Continuations[1].Should().Equal(7, 6);
    }

    [Fact]
    public void EncodePairEncodesContextAndContinuationTogether()
    {
        // "Answer:" + " A": the whole is [Answer, :, " A"], split after the context's 2 ids.
        var request = new LogLikelihoodRequest("Answer:", [" A", " B"], Tokenization: ContinuationTokenization.LmEvalEncodePair);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        tokens.Context.Should().Equal(0, 1);
        tokens.Continuations[0].Should().Equal(2);
        tokens.Continuations[1].Should().Equal(3);
    }

    [Fact]
    public void EncodePairSplitsAtTheContextsLengthEvenWhenTheWholeMergesAcrossTheBoundary()
    {
        // continuation_enc = whole_enc[len(context_enc):]: "xa" is [x, a] but "xab" is [x, ab], so "b" keeps no id of its own.
        var request = new LogLikelihoodRequest("xa", ["b"], Tokenization: ContinuationTokenization.LmEvalEncodePair);

        var tokens = RequestTokenizer.Tokenize(request, Encode);

        tokens.Context.Should().Equal(8, 9);
        tokens.Continuations[0].Should().BeEmpty();
    }

    [Theory]
    [InlineData("x \t\n", "x")]
    [InlineData("x\u001c", "x")]
    [InlineData("x\u3000", "x")]
    [InlineData("x\u00a0 ", "x")]
    [InlineData("x", "x")]
    [InlineData(" \n", "")]
    public void StripsTrailingWhitespaceAsPythonsRstripDoes(string context, string stripped) =>
        RequestTokenizer.StrippedContext(context).Should().Be(stripped);

    [Fact]
    public void NextTokenOnlyIsOnlyDefinedForSeparateTokenization()
    {
        var request = new LogLikelihoodRequest("Answer:", [" A"], NextTokenOnly: true, Tokenization: ContinuationTokenization.WholeSequence);

        var act = () => RequestTokenizer.Tokenize(request, Encode);

        act.Should().Throw<ArgumentException>().WithMessage("*whole-sequence*");
    }

    [Fact]
    public void TheScorerGivesIdsTheBackendUsesInsteadOfEncodingAgain()
    {
        var request = new LogLikelihoodRequest("Answer:", [" A"]) { Tokenized = new TokenizedRequest([7], [[9]]) };

        request.TokensWith(_ => throw new InvalidOperationException("must not encode")).Context.Should().Equal(7);
    }

    [Fact]
    public void KeepLastDropsFromTheLeftAndCountsWhatItDropped()
    {
        var tokens = new TokenizedRequest([1, 2, 3, 4, 5], [[6], [7, 8]]);

        tokens.ContextLimit(maxContextTokens: null, positions: 6).Should().Be(4, "6 positions less the longest continuation's 2");
        tokens.ContextLimit(maxContextTokens: 3, positions: 6).Should().Be(3);
        var kept = tokens.KeepLast(3);
        kept.Context.Should().Equal(3, 4, 5);
        kept.TruncatedTokens.Should().Be(2);
        tokens.KeepLast(5).Should().BeSameAs(tokens);
    }

    [Theory]
    [InlineData(ContinuationTokenization.Separate, "separate")]
    [InlineData(ContinuationTokenization.WholeSequence, "whole-sequence")]
    [InlineData(ContinuationTokenization.LmEvalEncodePair, "lm-eval-encode-pair")]
    public void IdsRoundTrip(ContinuationTokenization tokenization, string id)
    {
        tokenization.ToId().Should().Be(id);
        ContinuationTokenizations.TryParse(id, out var parsed).Should().BeTrue();
        parsed.Should().Be(tokenization);
    }
}
