using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>Reading only the next-token row (OgaGenerator_GetLogits) against copying every position (GetOutput("logits")).</summary>
public sealed class NextTokenLogitsTests
{
    private const string FewShotPrefix =
        "The following are multiple choice questions (with answers) about arithmetic.\n\n"
        + "What is 1 + 1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: B\n\n";

    private static readonly string[] Letters = [" A", " B", " C", " D"];

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void TheNativeLastRowIsTheLastRowOfTheFullLogitsAsFloat32(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        OgaRuntime.EnsureInitialized();
        using var model = new Model(folder);
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 64);
        using var generator = new Generator(model, generatorParams);
        int[] tokens = [84, 104, 101, 32, 97, 110, 115, 119, 101, 114, 58];

        generator.AppendTokens(tokens);
        using var full = generator.GetOutput("logits");
        using var next = NextTokenLogits.Read(generator);

        var vocab = (int)full.Shape()[2];
        next.Type().Should().Be(ElementType.float32, "GenAI casts a float16 export's row to float32");
        next.Shape().Should().Equal(1, 1, vocab);
        float[] expected = full.Type() == ElementType.float16
            ? [.. full.GetData<Half>()[^vocab..].ToArray().Select(value => (float)value)]
            : full.GetData<float>()[^vocab..].ToArray();
        next.GetData<float>().ToArray().Should().Equal(expected);
    }

    [Fact]
    public void TheNativeRowIsACopyThatLaterAppendsDoNotTouch()
    {
        // NextTokenRow holds this tensor across the appends of multi-token continuations instead of copying it.
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("cpu-int4"));
        OgaRuntime.EnsureInitialized();
        using var model = new Model(folder);
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 64);
        using var generator = new Generator(model, generatorParams);
        generator.AppendTokens([84, 104, 101, 32, 97, 110]);
        using var held = NextTokenLogits.Read(generator);
        var before = held.GetData<float>().ToArray();

        generator.AppendTokens([115, 119, 101, 114]);
        using var later = NextTokenLogits.Read(generator);

        later.GetData<float>().ToArray().Should().NotEqual(before, "the next row after more tokens differs");
        held.GetData<float>().ToArray().Should().Equal(before);
    }

    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void ScoresAreExactlyThoseOfTheFullLogitsRoute(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        using var native = GenAiLanguageModel.Load(folder);
        using var copied = GenAiLanguageModel.Load(folder);
        copied.ReadsNextTokenRowNatively = false;
        var requests = new[]
        {
            new LogLikelihoodRequest(FewShotPrefix + "What is 3 + 3?\nAnswer:", Letters, NextTokenOnly: true),
            new LogLikelihoodRequest(FewShotPrefix + "What is 4 + 4?\nAnswer:", [" eight", " nine"]),
            new LogLikelihoodRequest(FewShotPrefix + "What is 5 + 5?\nAnswer:", Letters, IncludeContextLogProb: true),
            new LogLikelihoodRequest(FewShotPrefix + "Answer:<|endoftext|>", Letters),
        };

        var actual = native.Score(requests, TestContext.Current.CancellationToken);
        var expected = copied.Score(requests, TestContext.Current.CancellationToken);

        for (var q = 0; q < requests.Length; q++)
        {
            actual[q].ContextLogProb.Should().Be(expected[q].ContextLogProb, $"request {q}");
            for (var i = 0; i < requests[q].Continuations.Count; i++)
            {
                actual[q].Continuations[i].Should().Be(expected[q].Continuations[i], $"request {q}, continuation {i}");
            }
        }

        native.Counters.PrefilledTokens.Should().Be(copied.Counters.PrefilledTokens);
    }

    [Fact]
    public void AContextEndingInThePadIdIsScoredAtItsOwnLastPosition()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
        using var model = GenAiLanguageModel.Load(folder);
        var context = FewShotPrefix + "Answer:<|endoftext|>";

        var result = model.Score([new LogLikelihoodRequest(context, Letters)], TestContext.Current.CancellationToken)[0];

        // GenAI's next-token row skips a trailing pad id; the plain session reads the row at the pad id itself.
        var tokens = model.Encode(context);
        tokens[^1].Should().Be(GenAiModelFolder.Open(folder).PadTokenId);
        var continuation = model.Encode(Letters[1]);
        var reference = OnnxReferenceScorer.NextTokenLogProbs(folder, [.. tokens, .. continuation]);
        result.Continuations[1].LogProb.Should().BeApproximately(reference[^continuation.Count..].Sum(), 1e-5);
    }
}
