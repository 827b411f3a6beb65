using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// The exact token ids each protocol scores, on the real Qwen3 tokenizer (GenAI's, from the shipped tokenizer.json), for the
/// first question of the shipped sample rendered as a run renders it. The expected ids are the tokenizer.json vocabulary
/// entries of the byte-level pieces, looked up by hand: 16141 "Answer", 25 ":", 220 " ", 362 " A", 425 " B", 356 " C",
/// 422 " D", 32…35 "A"…"D", 198 "\n", 715 " \n", 5122 "：", 77091 "assistant". The pre-tokenizer's
/// <c>[^\r\n\p{L}\p{N}]?\p{L}+</c> keeps a space with the letter after it, so a whole "…Answer: A" ends [":", " A"] while
/// "…Answer: " encoded alone ends [":", " "].
/// </summary>
public sealed class RequestTokenizerQwen3Tests : IDisposable
{
    private static readonly int[][] SpaceLetters = [[362], [425], [356], [422]];
    private static readonly int[][] Letters = [[32], [33], [34], [35]];

    private readonly GenAiLanguageModel model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec));

    public void Dispose() => model.Dispose();

    [Fact]
    public void QwenMmluReadsTheLastIdOfSpaceLetterAfterAnswerColon()
    {
        var (request, _) = Scored("qwen", Benchmark.Mmlu, chat: false);

        request.Tokenized!.Context.TakeLast(2).Should().Equal(16141, 25);
        request.Tokenized.Continuations.Should().BeEquivalentTo(SpaceLetters, o => o.WithStrictOrdering());
        request.Tokenized.Context.Should().Equal(model.Encode(request.Context), "the prompt is encoded on its own (tokenizer(prompt))");
    }

    [Theory]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void QwenChineseScriptsReadTheLetterIdsAfterTheFullWidthColon(Benchmark benchmark)
    {
        var (request, _) = Scored("qwen", benchmark, chat: false);

        request.Tokenized!.Context[^1].Should().Be(5122);
        request.Tokenized.Continuations.Should().BeEquivalentTo(Letters, o => o.WithStrictOrdering());
    }

    [Fact]
    public void OpenCompassMmluScoresAnswerColonSpaceLetterAsOneTokenNotTwo()
    {
        var (request, prompt) = Scored("opencompass", Benchmark.Mmlu, chat: false);

        prompt.Text.Should().EndWith("\nAnswer: ");
        prompt.Continuations.Should().Equal("A", "B", "C", "D");
        request.Tokenized!.Context.TakeLast(2).Should().Equal(16141, 25);
        request.Tokenized.Continuations.Should().BeEquivalentTo(SpaceLetters, o => o.WithStrictOrdering());
        model.Encode(prompt.Text).TakeLast(2).Should().Equal([25, 220], "encoded apart, the text ends in a lone space, a sequence OpenCompass never scores");
        AssertEachSequenceIsEncodedInOnePiece(request);
    }

    [Fact]
    public void OpenCompassCmmluScoresAnswerIsColonSpaceLetterAsOneToken()
    {
        var (request, prompt) = Scored("opencompass", Benchmark.Cmmlu, chat: false);

        prompt.Text.Should().EndWith("答案是: ");
        request.Tokenized!.Context[^1].Should().Be(25);
        request.Tokenized.Continuations.Should().BeEquivalentTo(SpaceLetters, o => o.WithStrictOrdering());
        AssertEachSequenceIsEncodedInOnePiece(request);
    }

    [Fact]
    public void OpenCompassCevalScoresTheLetterAfterSpaceNewline()
    {
        var (request, prompt) = Scored("opencompass", Benchmark.Ceval, chat: false);

        prompt.Text.Should().EndWith("答案: \n");
        request.Tokenized!.Context.TakeLast(2).Should().Equal(25, 715);
        request.Tokenized.Continuations.Should().BeEquivalentTo(Letters, o => o.WithStrictOrdering());
        AssertEachSequenceIsEncodedInOnePiece(request);
    }

    [Theory]
    [InlineData(Benchmark.Mmlu, 25)]
    [InlineData(Benchmark.Ceval, 5122)]
    [InlineData(Benchmark.Cmmlu, 5122)]
    public void LmEvalBaseEncodesContextAndSpaceLetterTogether(Benchmark benchmark, int lastContextId)
    {
        var (request, prompt) = Scored("lm-eval", benchmark, chat: false, shots: 5);

        prompt.Continuations.Should().Equal(" A", " B", " C", " D");
        request.Tokenized!.Context[^1].Should().Be(lastContextId);
        request.Tokenized.Continuations.Should().BeEquivalentTo(SpaceLetters, o => o.WithStrictOrdering());
        AssertEncodePair(request);
    }

    [Theory]
    [InlineData(Benchmark.Mmlu)]
    [InlineData(Benchmark.Ceval)]
    [InlineData(Benchmark.Cmmlu)]
    public void LmEvalChatMovesTheAssistantHeadersNewlineIntoTheContinuation(Benchmark benchmark)
    {
        var (request, prompt) = Scored("lm-eval", benchmark, chat: true);

        prompt.Text.Should().EndWith("<|im_start|>assistant\n");
        prompt.Continuations.Should().Equal("A", "B", "C", "D");
        request.Tokenized!.Context[^1].Should().Be(77091, "the context is encoded without its trailing \\n");
        request.Tokenized.Continuations.Should().BeEquivalentTo(new[] { new[] { 198, 32 }, [198, 33], [198, 34], [198, 35] }, o => o.WithStrictOrdering());
        AssertEncodePair(request);
    }

    [Fact]
    public void GenAiScoresOpenCompassAsTheAverageLossOfEachWholeSequenceOverItsTokens()
    {
        // OpenCompass get_ppl: encode "Answer: A" whole, sum the log-probabilities of tokens 2..N, divide by N.
        var folder = TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec);
        var request = new LogLikelihoodRequest("Question: 1 + 1?\nAnswer: ", ["A", "B", "C", "D"], IncludeContextLogProb: true, Tokenization: ContinuationTokenization.WholeSequence);

        var result = model.Score([request], TestContext.Current.CancellationToken)[0];
        var scores = ChoicePicker.Scores(result, ChoiceRule.SequencePerplexity);

        for (var i = 0; i < 4; i++)
        {
            var whole = model.Encode(request.Context + request.Continuations[i]);
            whole[^1].Should().Be(SpaceLetters[i][0]);
            var reference = OnnxReferenceScorer.NextTokenLogProbs(folder, whole).Sum() / whole.Count;
            scores[i].Should().BeApproximately(reference, 1e-4, $"option {"ABCD"[i]}: the whole sequence's loss over its {whole.Count} tokens");
        }
    }

    private (LogLikelihoodRequest Request, RenderedPrompt Prompt) Scored(string protocol, Benchmark benchmark, bool chat, int? shots = null)
    {
        var dataset = DataFolder.Open(DataFolder.SampleDirectory, benchmark);
        var plan = new EvaluationPlan(benchmark, PromptProtocols.Get(protocol), DataFolder.SampleDirectory, Shots: shots, Chat: chat, Limit: 1);
        var prompt = PlanPrompts.OfSubject(plan, dataset, dataset.Subjects[0]).First();
        var scorer = (LogLikelihoodScorer)QuestionScorers.For(plan.Scoring);
        return (scorer.TokenizedRequestOf(model, prompt.ToScored()), prompt.Prompt);
    }

    private void AssertEachSequenceIsEncodedInOnePiece(LogLikelihoodRequest request)
    {
        for (var i = 0; i < request.Continuations.Count; i++)
        {
            request.Tokenized!.Context.Concat(request.Tokenized.Continuations[i]).Should().Equal(model.Encode(request.Context + request.Continuations[i]));
        }
    }

    // _encode_pair: context_enc = encode(context.rstrip()), continuation_enc = encode(context + continuation)[len(context_enc):].
    private void AssertEncodePair(LogLikelihoodRequest request)
    {
        var context = model.Encode(request.Context.TrimEnd());
        request.Tokenized!.Context.Should().Equal(context);
        for (var i = 0; i < request.Continuations.Count; i++)
        {
            request.Tokenized.Continuations[i].Should().Equal(model.Encode(request.Context + request.Continuations[i]).Skip(context.Count));
        }
    }
}
