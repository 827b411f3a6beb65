using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.GenAI;

/// <summary>
/// The generation settings GenerationSupport.GenAi claims are honoured, checked on a generated model: top-k 1 and a tiny top-p
/// leave only the most likely token, so sampling equals greedy decoding (while plain sampling does not); a repetition penalty
/// changes greedy output exactly as Hugging Face's <c>repetition_penalty</c> does over a plain ONNX Runtime session's logits
/// (every token already in the sequence, prompt included: a positive logit divided by the penalty, a negative one multiplied).
/// </summary>
public sealed class GenerationSearchOptionsTests : IDisposable
{
    private const string Prompt = "Question: what is 2 + 2?\nAnswer:";
    private const int NewTokens = 12;

    private readonly string folder = TinyModelFixture.Folder(TinyModelFixture.BytesSpec);
    private readonly GenAiLanguageModel model;

    public GenerationSearchOptionsTests() => model = GenAiLanguageModel.Load(folder);

    public void Dispose() => model.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TopKOneAndATinyTopPSampleOnlyTheMostLikelyToken()
    {
        var greedy = model.Generate(Prompt, new GenerationSettings(NewTokens), Ct);
        var seeds = Enumerable.Range(1, 4).ToArray();

        var plain = seeds.Select(seed => model.Generate(Prompt, new GenerationSettings(NewTokens, Temperature: 1.0, Seed: seed), Ct)).ToArray();
        var topK = seeds.Select(seed => model.Generate(Prompt, new GenerationSettings(NewTokens, Temperature: 1.0, Seed: seed, TopK: 1), Ct)).ToArray();
        var topP = seeds.Select(seed => model.Generate(Prompt, new GenerationSettings(NewTokens, Temperature: 1.0, Seed: seed, TopP: 1e-6), Ct)).ToArray();

        plain.Should().Contain(text => text != greedy, "sampling at temperature 1 from a random model leaves the greedy path");
        topK.Should().OnlyContain(text => text == greedy, "top-k 1 keeps only the arg max");
        topP.Should().OnlyContain(text => text == greedy, "the smallest set reaching top-p 1e-6 is the arg max alone");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(5.0)]
    public void ARepetitionPenaltyChangesGreedyOutputAsHuggingFacesDoes(double penalty)
    {
        var actual = model.Generate(Prompt, new GenerationSettings(NewTokens, RepetitionPenalty: penalty), Ct);

        actual.Should().Be(ReferenceGreedy(penalty));
        if (penalty >= 5.0)
        {
            actual.Should().NotBe(ReferenceGreedy(1.0), "a strong penalty moves greedy decoding off the tokens it repeats");
        }
    }

    [Fact]
    public void GreedyGenerationWithAnotherPenaltyDoesNotReuseTheGeneratorMadeForTheFirst()
    {
        var plain = model.Generate(Prompt, new GenerationSettings(NewTokens), Ct);

        var penalised = model.Generate(Prompt, new GenerationSettings(NewTokens, RepetitionPenalty: 5.0), Ct);

        penalised.Should().Be(ReferenceGreedy(5.0));
        model.Generate(Prompt, new GenerationSettings(NewTokens), Ct).Should().Be(plain);
    }

    // Greedy decoding over a plain ONNX Runtime session, with transformers' RepetitionPenaltyLogitsProcessor on every token so far.
    private string ReferenceGreedy(double penalty)
    {
        var tokens = model.Encode(Prompt).ToList();
        var generated = new List<int>();
        var endOfText = EndOfSequenceIds();
        for (var step = 0; step < NewTokens; step++)
        {
            var row = OnnxReferenceScorer.Logits(folder, tokens)[^1];
            foreach (var seen in tokens.Distinct())
            {
                row[seen] = row[seen] > 0 ? (float)(row[seen] / penalty) : (float)(row[seen] * penalty);
            }

            var next = Array.IndexOf(row, row.Max());
            if (endOfText.Contains(next))
            {
                break;
            }

            tokens.Add(next);
            generated.Add(next);
        }

        return model.Decode(generated);
    }

    private HashSet<int> EndOfSequenceIds()
    {
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "genai_config.json")));
        var eos = config.RootElement.GetProperty("model").GetProperty("eos_token_id");
        return eos.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. eos.EnumerateArray().Select(e => e.GetInt32())] : [eos.GetInt32()];
    }
}
