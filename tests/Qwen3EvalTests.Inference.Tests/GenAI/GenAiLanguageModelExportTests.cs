using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>The backend on what a builder export gives: float16 logits, last-position logits, a shared KV buffer, sampling defaults, a real pad id.</summary>
public sealed class GenAiLanguageModelExportTests
{
    private const string FewShotPrefix =
        "The following are multiple choice questions (with answers) about arithmetic.\n\n"
        + "What is 1 + 1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: B\n\n"
        + "What is 2 + 2?\nA. 4\nB. 5\nC. 6\nD. 7\nAnswer: A\n\n";

    private const string EndOfText = "<|endoftext|>";

    private static readonly string[] Letters = [" A", " B", " C", " D"];

    [Fact]
    public void Float16LogitsGiveTheFp32ExportsLogLikelihoodsWithinFloat16Rounding()
    {
        var fp32Folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("cpu-int4"));
        using var fp16 = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("fp16-logits")));
        using var fp32 = GenAiLanguageModel.Load(fp32Folder);
        var context = FewShotPrefix + "What is 3 + 3?\nA. 6\nB. 7\nC. 8\nD. 9\nAnswer:";

        var actual = fp16.Score([new LogLikelihoodRequest(context, Letters)], TestContext.Current.CancellationToken)[0];
        var exact = fp32.Score([new LogLikelihoodRequest(context, Letters)], TestContext.Current.CancellationToken)[0];

        // Expected: the fp32 export's own logits (plain ONNX Runtime) rounded to float16, then log-softmax.
        var tokens = fp16.Encode(context);
        for (var i = 0; i < Letters.Length; i++)
        {
            var continuation = fp16.Encode(Letters[i]);
            var rows = OnnxReferenceScorer.Logits(fp32Folder, [.. tokens, .. continuation]);
            var expected = 0.0;
            var bound = 0.0;
            for (var j = 0; j < continuation.Count; j++)
            {
                var row = rows[tokens.Count - 1 + j];
                expected += OnnxReferenceScorer.LogSoftmax([.. row.Select(v => (float)(Half)v)])[continuation[j]];
                bound += 2 * row.Max(Math.Abs) / 2048;
            }

            actual.Continuations[i].LogProb.Should().BeApproximately(expected, 1e-5);
            actual.Continuations[i].LogProb.Should().BeApproximately(exact.Continuations[i].LogProb, bound, "float16 keeps 11 significant bits of every logit");
        }
    }

    [Fact]
    public void LastPositionLogitsScoreLikeEveryPositionLogits()
    {
        using var pruned = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec with { PruneLmHead = true }));
        using var full = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));
        using var prunedBatched = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec with { PruneLmHead = true }), new GenAiModelOptions(BatchSize: 2));
        var requests = new[]
        {
            new LogLikelihoodRequest(FewShotPrefix + "What is 3 + 3?\nAnswer:", [" six", " seven"], IncludeContextLogProb: true),
            new LogLikelihoodRequest(FewShotPrefix + "What is 4 + 4?\nAnswer:", Letters),
        };

        var expected = full.Score(requests, TestContext.Current.CancellationToken);
        var actual = pruned.Score(requests, TestContext.Current.CancellationToken);
        var batched = prunedBatched.Score(requests, TestContext.Current.CancellationToken);

        // Single-token appends take another GroupQueryAttention kernel path than a prefill (~6e-6 per row, measured).
        actual[0].ContextLogProb!.Value.Should().BeApproximately(expected[0].ContextLogProb!.Value, 1e-3);
        foreach (var result in new[] { actual, batched })
        {
            for (var q = 0; q < requests.Length; q++)
            {
                for (var i = 0; i < requests[q].Continuations.Count; i++)
                {
                    result[q].Continuations[i].LogProb.Should().BeApproximately(expected[q].Continuations[i].LogProb, 1e-4);
                    result[q].Continuations[i].TokenCount.Should().Be(expected[q].Continuations[i].TokenCount);
                }
            }
        }
    }

    [Fact]
    public void ScoringSizesTheSharedKvBufferFromTheRequestsNotFromTheConfig()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = GenAiLanguageModel.Load(folder);
        var config = GenAiModelFolder.Open(folder);
        var shortContext = FewShotPrefix + "Answer:";
        var longContext = string.Concat(Enumerable.Repeat(FewShotPrefix, 6)) + "Answer:";

        model.Score([new LogLikelihoodRequest(shortContext, Letters)], TestContext.Current.CancellationToken);
        var first = model.ScoringKvCacheShape()!;
        model.Score([new LogLikelihoodRequest(longContext, Letters)], TestContext.Current.CancellationToken);
        var second = model.ScoringKvCacheShape()!;

        config.Search.SharesKvBuffer.Should().BeTrue();
        config.Search.MaxLength.Should().Be(4096, "the builder writes the whole context as max_length");
        first[2].Should().BeGreaterThanOrEqualTo(model.Encode(shortContext).Count + 2).And.BeLessThan(4096);
        second[2].Should().BeGreaterThanOrEqualTo(model.Encode(longContext).Count + 2).And.BeLessThan(4096);
    }

    [Fact]
    public void ACappedContextSizesTheKvBufferOnceForTheCapSoALongerPromptKeepsTheGenerator()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = GenAiLanguageModel.Load(folder);
        var shortContext = FewShotPrefix + "Answer:";
        var longContext = string.Concat(Enumerable.Repeat(FewShotPrefix, 6)) + "Answer:";
        const int cap = 1500;
        model.Encode(longContext).Count.Should().BeGreaterThan(model.Encode(shortContext).Count + 256, "the long prompt would need a larger buffer if it were sized by the first");

        model.Score([new LogLikelihoodRequest(shortContext, Letters, MaxContextTokens: cap)], TestContext.Current.CancellationToken);
        var first = model.ScoringKvCacheShape()!;
        var reusedBefore = model.Counters.ReusedTokens;
        model.Score([new LogLikelihoodRequest(longContext, Letters, MaxContextTokens: cap)], TestContext.Current.CancellationToken);
        var second = model.ScoringKvCacheShape()!;

        // The cap plus the one-token continuation, rounded up to 256 positions: 1,501 → 1,536.
        first[2].Should().Be(1536);
        second[2].Should().Be(1536, "the generator sized for the cap is kept");
        model.Counters.ReusedTokens.Should().BeGreaterThan(reusedBefore, "the long prompt starts with the short one's few-shot prefix, still cached");
    }

    [Fact]
    public void GreedyGenerationIgnoresAnInstructExportsSamplingDefaults()
    {
        var instructFolder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec with { Kind = ModelKind.Instruct });
        using var instruct = GenAiLanguageModel.Load(instructFolder);
        using var baseModel = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));
        var greedy = new GenerationSettings(MaxNewTokens: 16);

        var sampledByDefault = GenAiModelFolder.Open(instructFolder).Search.DoSample;
        var first = instruct.Generate(FewShotPrefix + "Answer:", greedy, TestContext.Current.CancellationToken);
        var second = instruct.Generate(FewShotPrefix + "What is 5 + 5?\nAnswer:", greedy, TestContext.Current.CancellationToken);

        sampledByDefault.Should().BeTrue("the builder copies do_sample: true from an instruct model's generation config");
        first.Should().Be(baseModel.Generate(FewShotPrefix + "Answer:", greedy, TestContext.Current.CancellationToken), "the same weights without sampling defaults");
        second.Should().Be(baseModel.Generate(FewShotPrefix + "What is 5 + 5?\nAnswer:", greedy, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("cpu-int4")]
    [InlineData("legacy")]
    public void GreedyGenerationFromAReusedPrefixEqualsFreshGeneration(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var reused = GenAiLanguageModel.Load(folder);
        var settings = new GenerationSettings(MaxNewTokens: 12);
        var prompts = new[] { FewShotPrefix + "What is 3 + 3?\nAnswer:", FewShotPrefix + "What is 5 + 5?\nAnswer:", FewShotPrefix + "What is 5 + 5?\nAnswer:", FewShotPrefix };

        var actual = prompts.Select(prompt => reused.Generate(prompt, settings, TestContext.Current.CancellationToken)).ToList();

        for (var i = 0; i < prompts.Length; i++)
        {
            using var fresh = GenAiLanguageModel.Load(folder);
            actual[i].Should().Be(fresh.Generate(prompts[i], settings, TestContext.Current.CancellationToken), $"prompt {i}");
        }

        reused.Counters.ReusedTokens.Should().BeGreaterThan(3 * reused.Encode(FewShotPrefix).Count - 10, "each later prompt reuses the few-shot prefix");
    }

    /// <summary>
    /// The next prompt extends the previous prompt and its whole answer: the reused generator holds the answer's last token,
    /// which generation picked but never ran through the model; from GenAI 0.19 on AppendTokens runs it first (GeneratorRewindTests),
    /// so no workaround is needed. On GenAI 0.18 this failed (the legacy export's Concat refused the shapes).
    /// </summary>
    [Theory]
    [InlineData("cpu-int4")]
    [InlineData("legacy")]
    public void AGreedyPromptExtendingThePreviousPromptAndItsAnswerEqualsFreshGeneration(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var reused = GenAiLanguageModel.Load(folder);
        var settings = new GenerationSettings(MaxNewTokens: 6);
        var first = FewShotPrefix + "What is 3 + 3?\nAnswer:";
        var answer = reused.Generate(first, settings, TestContext.Current.CancellationToken);
        var second = first + answer + "\nWhat is 5 + 5?\nAnswer:";

        var actual = reused.Generate(second, settings, TestContext.Current.CancellationToken);

        reused.Encode(first + answer).Should().HaveCount(reused.Encode(first).Count + 6, "the answer is six byte tokens, all held by the reused generator");
        using var fresh = GenAiLanguageModel.Load(folder);
        actual.Should().Be(fresh.Generate(second, settings, TestContext.Current.CancellationToken));
        reused.Counters.ReusedTokens.Should().BeGreaterThan(reused.Encode(first).Count, "the second prompt reuses the first prompt and its answer");
    }

    [Fact]
    public void APadIdInsideAContextIsScoredLikeAnyOtherToken()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = GenAiLanguageModel.Load(folder);
        var context = FewShotPrefix + EndOfText + "What is 3 + 3?\nAnswer:";

        var result = model.Score([new LogLikelihoodRequest(context, Letters, IncludeContextLogProb: true)], TestContext.Current.CancellationToken)[0];

        var tokens = model.Encode(context);
        tokens.Should().Contain(GenAiModelFolder.Open(folder).PadTokenId, "the builder's pad id is <|endoftext|>");
        var reference = OnnxReferenceScorer.NextTokenLogProbs(folder, [.. tokens, .. model.Encode(Letters[2])]);
        result.Continuations[2].LogProb.Should().BeApproximately(reference[^2..].Sum(), 1e-5);
        result.ContextLogProb!.Value.Should().BeApproximately(reference[..(tokens.Count - 1)].Sum(), 1e-4);
    }

    [Fact]
    public void ABatchedRowEndingInThePadIdIsScoredAsAtBatchOne()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var unbatched = GenAiLanguageModel.Load(folder);
        using var batched = GenAiLanguageModel.Load(folder, new GenAiModelOptions(BatchSize: 3));
        var requests = new[]
        {
            new LogLikelihoodRequest(FewShotPrefix + "Answer:", [" A", " B" + EndOfText]),
            new LogLikelihoodRequest(FewShotPrefix + "What is 3 + 3?\nAnswer:", Letters),
        };

        var expected = unbatched.Score(requests, TestContext.Current.CancellationToken);
        var actual = batched.Score(requests, TestContext.Current.CancellationToken);

        for (var q = 0; q < requests.Length; q++)
        {
            for (var i = 0; i < requests[q].Continuations.Count; i++)
            {
                actual[q].Continuations[i].LogProb.Should().BeApproximately(expected[q].Continuations[i].LogProb, 1e-4);
            }
        }
    }

    [Fact]
    public void GenerationRefusesAPromptEndingInThePadIdAndNamesTheField()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));

        var generate = () => model.Generate("Answer:" + EndOfText, new GenerationSettings(MaxNewTokens: 2), TestContext.Current.CancellationToken);

        generate.Should().Throw<EvalInputException>().Where(e => e.Field == "model.pad_token_id").WithMessage("*ends with token 256*");
    }
}
