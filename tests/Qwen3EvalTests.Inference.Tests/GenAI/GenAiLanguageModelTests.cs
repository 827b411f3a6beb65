using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

public sealed class GenAiLanguageModelTests
{
    private const string FewShotPrefix =
        "The following are multiple choice questions (with answers) about arithmetic.\n\n"
        + "What is 1 + 1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: B\n\n"
        + "What is 2 + 2?\nA. 4\nB. 5\nC. 6\nD. 7\nAnswer: A\n\n";

    private static readonly string[] Letters = [" A", " B", " C", " D"];

    [Fact]
    public void LoadsTheByteModelAndRoundTripsChineseText()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));

        var tokens = model.Encode("答案：A");

        tokens.Should().HaveCount(System.Text.Encoding.UTF8.GetByteCount("答案：A"));
        model.Decode(tokens).Should().Be("答案：A");
        model.Info.Kind.Should().Be(ModelKind.Base);
        model.Info.VocabSize.Should().Be(300);
        model.Info.ContextLength.Should().Be(4096);
    }

    [Fact]
    public void RealTokenizerEncodesAnswerLettersAsQwen3Does()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec));

        Letters.Select(letter => model.Encode(letter).Single()).Should().Equal(362, 425, 356, 422);
        model.Encode("A").Should().Equal(32);
        model.Encode("<|im_start|>").Should().Equal(151644);
        model.Info.VocabSize.Should().Be(151936);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void LogLikelihoodsEqualAPlainOnnxRuntimeSession(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var model = GenAiLanguageModel.Load(folder);
        var context = FewShotPrefix + "What is 3 + 3?\nA. 6\nB. 7\nC. 8\nD. 9\nAnswer:";

        var result = model.Score([new LogLikelihoodRequest(context, Letters, IncludeContextLogProb: true)], TestContext.Current.CancellationToken)[0];

        var contextTokens = model.Encode(context);
        for (var i = 0; i < Letters.Length; i++)
        {
            var continuation = model.Encode(Letters[i]);
            continuation.Should().HaveCount(2, "the byte tokenizer splits ' A' into ' ' and 'A'");
            var reference = OnnxReferenceScorer.NextTokenLogProbs(folder, [.. contextTokens, .. continuation]);
            result.Continuations[i].LogProb.Should().BeApproximately(reference[^2..].Sum(), 1e-5);
            if (i == 0)
            {
                result.ContextLogProb!.Value.Should().BeApproximately(reference[..(contextTokens.Count - 1)].Sum(), 1e-4);
            }
        }
    }

    [Fact]
    public void RealTokenizerModelLogLikelihoodsEqualAPlainOnnxRuntimeSession()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.Qwen3Spec);
        using var model = GenAiLanguageModel.Load(folder);
        var context = FewShotPrefix + "以下是中国关于数学考试的单项选择题。\n答案：";

        var result = model.Score([new LogLikelihoodRequest(context, Letters)], TestContext.Current.CancellationToken)[0];

        var contextTokens = model.Encode(context);
        var reference = OnnxReferenceScorer.NextTokenLogProbs(folder, [.. contextTokens, 425]);
        result.Continuations[1].LogProb.Should().BeApproximately(reference[^1], 1e-5);
        result.Continuations[1].TokenCount.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void SharedPrefixScoringEqualsFreshScoringAndPrefillsOnlyTheSuffix(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        var first = new LogLikelihoodRequest(FewShotPrefix + "What is 3 + 3?\nAnswer:", Letters, IncludeContextLogProb: true);
        var second = new LogLikelihoodRequest(FewShotPrefix + "What is 5 + 5?\nAnswer:", Letters, IncludeContextLogProb: true);
        using var fresh = GenAiLanguageModel.Load(folder);
        using var shared = GenAiLanguageModel.Load(folder);

        var expected = fresh.Score([second], TestContext.Current.CancellationToken)[0];
        shared.Score([first], TestContext.Current.CancellationToken);
        var before = shared.Counters;
        var actual = shared.Score([second], TestContext.Current.CancellationToken)[0];
        var spent = shared.Counters.Minus(before);

        actual.ContextLogProb!.Value.Should().BeApproximately(expected.ContextLogProb!.Value, 1e-4);
        for (var i = 0; i < Letters.Length; i++)
        {
            actual.Continuations[i].LogProb.Should().BeApproximately(expected.Continuations[i].LogProb, 1e-5);
        }

        var prefixTokens = fresh.Encode(FewShotPrefix + "What is ").Count;
        spent.ReusedTokens.Should().BeGreaterThanOrEqualTo(prefixTokens - 1, "one shared token is run again to get the row that predicts the first new token");
        spent.PrefilledTokens.Should().BeLessThan(40);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void ContextLogProbAfterARequestWithoutItEqualsFreshScoring(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var fresh = GenAiLanguageModel.Load(folder);
        using var shared = GenAiLanguageModel.Load(folder);
        var context = FewShotPrefix + "What is 5 + 5?\nAnswer:";

        var expected = fresh.Score([new LogLikelihoodRequest(context, Letters, IncludeContextLogProb: true)], TestContext.Current.CancellationToken)[0];
        shared.Score([new LogLikelihoodRequest(FewShotPrefix + "Answer:", Letters)], TestContext.Current.CancellationToken);
        var actual = shared.Score([new LogLikelihoodRequest(context, Letters, IncludeContextLogProb: true)], TestContext.Current.CancellationToken)[0];

        actual.ContextLogProb!.Value.Should().BeApproximately(expected.ContextLogProb!.Value, 1e-4);
        actual.Continuations[3].LogProb.Should().BeApproximately(expected.Continuations[3].LogProb, 1e-5);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void MultiTokenContinuationsLeaveTheCachedContextIntact(string export)
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export)));
        var context = FewShotPrefix + "Answer:";

        var single = model.Score([new LogLikelihoodRequest(context, ["\n"])], TestContext.Current.CancellationToken)[0].Continuations[0];
        var multi = model.Score([new LogLikelihoodRequest(context, [" a longer answer", "\n"])], TestContext.Current.CancellationToken)[0];

        multi.Continuations[0].TokenCount.Should().Be(16);
        multi.Continuations[0].LogProb.Should().BeLessThan(single.LogProb);
        multi.Continuations[1].LogProb.Should().BeApproximately(single.LogProb, 1e-9);
    }

    [Fact]
    public void LongContextsAreLeftTruncatedAndStillScored()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));
        var context = FewShotPrefix + "Answer:";

        var result = model.Score([new LogLikelihoodRequest(context, Letters, MaxContextTokens: 32)], TestContext.Current.CancellationToken)[0];
        var reference = model.Score([new LogLikelihoodRequest(context[^32..], Letters)], TestContext.Current.CancellationToken)[0];

        result.ContextTokenCount.Should().Be(32);
        result.TruncatedTokenCount.Should().Be(model.Encode(context).Count - 32);
        result.Continuations[2].LogProb.Should().BeApproximately(reference.Continuations[2].LogProb, 1e-5);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void BatchedScoringEqualsUnbatchedScoring(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var unbatched = GenAiLanguageModel.Load(folder);
        using var batched = GenAiLanguageModel.Load(folder, new GenAiModelOptions(BatchSize: 3));
        var requests = Enumerable.Range(1, 4)
            .Select(i => new LogLikelihoodRequest(FewShotPrefix + $"What is {i} + {i * 3}?\nAnswer:", Letters, IncludeContextLogProb: i == 2))
            .ToList();

        var expected = unbatched.Score(requests, TestContext.Current.CancellationToken);
        var actual = batched.Score(requests, TestContext.Current.CancellationToken);

        for (var q = 0; q < requests.Count; q++)
        {
            ArgMax(actual[q]).Should().Be(ArgMax(expected[q]));
            for (var i = 0; i < Letters.Length; i++)
            {
                actual[q].Continuations[i].LogProb.Should().BeApproximately(expected[q].Continuations[i].LogProb, 1e-4);
            }
        }

        actual[1].ContextLogProb!.Value.Should().BeApproximately(expected[1].ContextLogProb!.Value, 1e-3);
    }

    [Fact]
    public void GenerationStopsAtAStopStringAndCutsItOff()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.PlantedBytesSpec('B')));

        var free = model.Generate("Answer:", new GenerationSettings(MaxNewTokens: 4), TestContext.Current.CancellationToken);
        var stopped = model.Generate("Answer:", new GenerationSettings(MaxNewTokens: 8, StopStrings: ["BBB"]), TestContext.Current.CancellationToken);

        free.Should().Be("BBBB");
        stopped.Should().BeEmpty("the planted model's output starts with the stop string, which is cut off");
    }

    [Fact]
    public void SampledGenerationIsRepeatableForASeed()
    {
        using var model = GenAiLanguageModel.Load(TinyModelFixture.Folder(TinyModelFixture.BytesSpec));
        var settings = new GenerationSettings(MaxNewTokens: 12, Temperature: 1.0, Seed: 42);

        var first = model.Generate("Hello", settings, TestContext.Current.CancellationToken);
        var second = model.Generate("Hello", settings, TestContext.Current.CancellationToken);

        second.Should().Be(first);
        model.Counters.ForwardCalls.Should().BeGreaterThan(2);
    }

    private static int ArgMax(LogLikelihoodResult result) =>
        result.Continuations.Select((score, index) => (score.LogProb, index)).Max().index;
}
