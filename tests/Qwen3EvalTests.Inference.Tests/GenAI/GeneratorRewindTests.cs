using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Inference.GenAI;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// The three rewind cases the KV-cache reuse of GenAiLanguageModel meets, each against a fresh generator given the same tokens
/// in the same appends: a correct rewind gives the fresh generator's next-token row bit for bit. They hold the behaviour of the
/// pinned GenAI release (OnnxRuntimeGenAIVersion in Directory.Packages.props) that the workarounds in PrefixKvCache and
/// GenAiLanguageModel_Generation rest on, and fail when a release changes it (docs/dependencies.md has the measurements).
/// </summary>
public sealed class GeneratorRewindTests
{
    // "The answer is: " and two continuations, in the byte tokenizer's ids (a byte's id is the byte).
    private static readonly int[] Prompt = [84, 104, 101, 32, 97, 110, 115, 119, 101, 114, 32, 105, 115, 58, 32];
    private static readonly int[] First = [102, 111, 117, 114];
    private static readonly int[] Second = [115, 101, 118, 101, 110];

    /// <summary>A corrupted cache moves the row by far more than this; a correct rewind moves it by nothing.</summary>
    private const float Corrupted = 1e-3f;

    /// <summary>
    /// RewindTo twice without an append in between (drop a scored continuation, then rewind into the prompt for the next
    /// request). Exact with a shared KV buffer (the builder's exports); GenAI 0.18, 0.19 and 0.20 corrupt the legacy graphs' concatenated
    /// cache, so PrefixKvCache lets a rewind wait for the next append there (rewindsFreely: false).
    /// </summary>
    [Theory]
    [InlineData("cpu-int4", false)]
    [InlineData("fp16-logits", false)]
    [InlineData("legacy", true)]
    public void RewindingTwiceInARowMatchesAFreshGeneratorExceptOnConcatenatedCaches(string export, bool corrupts)
    {
        using var model = Load(export);
        using var rewound = NewGenerator(model);
        rewound.AppendTokens(Prompt);
        rewound.AppendTokens(First);
        rewound.RewindTo((ulong)Prompt.Length);
        rewound.RewindTo(10);
        rewound.AppendTokens(Second);
        using var fresh = NewGenerator(model);
        fresh.AppendTokens(Prompt[..10]);
        fresh.AppendTokens(Second);

        var delta = MaxAbsDifference(NextRow(rewound), NextRow(fresh));
        TestContext.Current.TestOutputHelper?.WriteLine($"{GenAiLanguageModel.Versions} {export}: max |Δ logit| {delta:R}");

        if (corrupts)
        {
            delta.Should().BeGreaterThan(Corrupted, $"GenAI {GenAiLanguageModel.Versions} corrupts a concatenated KV cache rewound twice in a row");
        }
        else
        {
            delta.Should().Be(0f, "a rewind of a shared KV buffer keeps exactly the kept positions");
        }
    }

    /// <summary>
    /// RewindTo(n) then GenerateNextToken: the next token should follow the n kept tokens. GenAI 0.18, 0.19 and 0.20 run the discarded token
    /// at position n instead (what followed the prompt's first n + 1 tokens), so GenAiLanguageModel always appends at least one
    /// prompt token after a rewind before it generates.
    /// </summary>
    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void GeneratingRightAfterARewindReplaysTheDiscardedToken(string export)
    {
        using var model = Load(export);
        using var rewound = NewGenerator(model);
        rewound.AppendTokens(Prompt);
        rewound.RewindTo(10);
        rewound.GenerateNextToken();
        using var keptOnly = NewGenerator(model);
        keptOnly.AppendTokens(Prompt[..10]);
        keptOnly.GenerateNextToken();
        using var replayed = NewGenerator(model);
        replayed.AppendTokens(Prompt[..11]);
        replayed.GenerateNextToken();

        var next = rewound.GetSequence(0).ToArray();

        keptOnly.GetSequence(0)[10].Should().NotBe(replayed.GetSequence(0)[11], "the two readings must be told apart on this model");
        next.Should().Equal([.. Prompt[..11], replayed.GetSequence(0)[11]], $"GenAI {GenAiLanguageModel.Versions} replays token 10 after RewindTo(10)");
    }

    /// <summary>
    /// Generate, then AppendTokens (a prompt that extends what was generated): the appended rows should be those of a fresh
    /// generator given the prompt, the generated tokens and the appended ones. Every generated token but the last has been
    /// through the model; this is exact only if AppendTokens runs that pending last token first, as it does from GenAI 0.19 on.
    /// GenAI 0.18 did not (its rows were off by 0.225 on the builder's exports, and the legacy graphs failed in Concat), which
    /// GenAiLanguageModelExportTests.AGreedyPromptExtendingThePreviousPromptAndItsAnswerEqualsFreshGeneration met on 0.18.
    /// </summary>
    [Theory]
    [MemberData(nameof(TinyModelFixture.Exports), MemberType = typeof(TinyModelFixture))]
    public void AppendingAfterGenerationMatchesAFreshGeneratorGivenTheGeneratedTokens(string export)
    {
        using var model = Load(export);
        using var generated = NewGenerator(model);
        generated.AppendTokens(Prompt);
        for (var i = 0; i < 3; i++)
        {
            generated.GenerateNextToken();
        }

        var tokens = generated.GetSequence(0).ToArray();
        generated.AppendTokens(Second);
        using var fresh = NewGenerator(model);
        fresh.AppendTokens(Prompt);
        foreach (var token in tokens[Prompt.Length..])
        {
            fresh.AppendTokens([token]);
        }

        fresh.AppendTokens(Second);

        var delta = MaxAbsDifference(NextRow(generated), NextRow(fresh));
        TestContext.Current.TestOutputHelper?.WriteLine($"{GenAiLanguageModel.Versions} {export}: max |Δ logit| {delta:R}");

        generated.GetSequence(0).ToArray().Should().Equal([.. tokens, .. Second]);
        delta.Should().Be(0f, "AppendTokens runs the pending generated token first, on the same kernels as a single-token append");
    }

    private static Model Load(string export)
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn(export));
        OgaRuntime.EnsureInitialized();
        return new Model(folder);
    }

    private static Generator NewGenerator(Model model)
    {
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 64);
        return new Generator(model, generatorParams);
    }

    private static float[] NextRow(Generator generator)
    {
        using var row = NextTokenLogits.Read(generator);
        return row.GetData<float>().ToArray();
    }

    private static float MaxAbsDifference(float[] actual, float[] expected)
    {
        actual.Length.Should().Be(expected.Length);
        var max = 0f;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }
}
