using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.LlamaCpp;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Tests.LlamaCpp;

/// <summary>
/// llama.cpp in process on the generated models' model.gguf against ONNX Runtime GenAI on their fp32 (legacy) graph: the same
/// weights, so log-likelihoods agree within 1e-3 (llamacpp-facts: ~1e-5 with flash attention off and an F32 KV cache). The
/// int4 exports quantize activations to int8 (accuracy_level 4, up to 0.027 apart from fp32), so parity is checked on legacy.
/// </summary>
public sealed class LlamaCppLanguageModelTests
{
    private const double Tolerance = 1e-3;
    private static readonly string[] Letters = [" A", " B", " C", " D"];

    public static TheoryData<string> Tokenizers { get; } = ["bytes", "qwen3"];

    private static TinyModelSpec Spec(string tokenizer) => (tokenizer == "qwen3" ? TinyModelFixture.Qwen3Spec : TinyModelFixture.BytesSpec) with { Export = TinyModelExport.Legacy };

    private static List<LogLikelihoodRequest> Questions(int count, bool contextLogProb = false) =>
        Enumerable.Range(1, count)
            .Select(i => new LogLikelihoodRequest(
                $"The following are multiple choice questions.\n\nQuestion {i % 3}: what is {i} times {i + 2}?\nA. {i}\nB. {i * (i + 2)}\nC. {i + 9}\nD. 0\nAnswer:",
                Letters,
                IncludeContextLogProb: contextLogProb))
            .ToList();

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void LogLikelihoodsEqualGenAisOnTheSameWeights(string tokenizer)
    {
        var folder = TinyModelFixture.Folder(Spec(tokenizer));
        var questions = Questions(12, contextLogProb: true);
        questions.Add(new LogLikelihoodRequest("Answer:", [" yes", " no", "maybe not"]));
        using var genai = GenAiLanguageModel.Load(folder);
        using var llama = LoadLlamaCpp(folder);

        var expected = genai.Score(questions, TestContext.Current.CancellationToken);
        var actual = llama.Score(questions, TestContext.Current.CancellationToken);

        for (var q = 0; q < questions.Count; q++)
        {
            actual[q].ContextTokenCount.Should().Be(expected[q].ContextTokenCount);
            actual[q].ContextLogProb.HasValue.Should().Be(expected[q].ContextLogProb.HasValue);
            if (expected[q].ContextLogProb is { } context)
            {
                actual[q].ContextLogProb!.Value.Should().BeApproximately(context, Tolerance * 10, "a sum over ~100 context tokens");
            }

            for (var c = 0; c < expected[q].Continuations.Count; c++)
            {
                var (e, a) = (expected[q].Continuations[c], actual[q].Continuations[c]);
                a.LogProb.Should().BeApproximately(e.LogProb, Tolerance, $"question {q}, continuation {c}");
                a.TokenCount.Should().Be(e.TokenCount);
                a.IsGreedy.Should().Be(e.IsGreedy, $"question {q}, continuation {c}");
            }
        }
    }

    [Fact]
    public void PrefixReuseEqualsScoringEachRequestOnAFreshContext()
    {
        var folder = TinyModelFixture.Folder(Spec("bytes"));
        var questions = Questions(6, contextLogProb: true);
        using var shared = LoadLlamaCpp(folder);
        var reused = shared.Score(questions, TestContext.Current.CancellationToken);

        shared.Counters.ReusedTokens.Should().BeGreaterThan(0, "consecutive questions share the instruction line");
        foreach (var (question, result) in questions.Zip(reused))
        {
            using var fresh = LoadLlamaCpp(folder);
            var alone = fresh.Score([question], TestContext.Current.CancellationToken)[0];
            result.ContextLogProb!.Value.Should().BeApproximately(alone.ContextLogProb!.Value, 1e-6);
            result.Continuations.Select(c => c.LogProb).Should().Equal(alone.Continuations.Select(c => c.LogProb), (x, y) => Math.Abs(x - y) < 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void GreedyGenerationEqualsGenAis(string tokenizer)
    {
        var folder = TinyModelFixture.Folder(Spec(tokenizer));
        using var genai = GenAiLanguageModel.Load(folder);
        using var llama = LoadLlamaCpp(folder);
        var settings = new GenerationSettings(MaxNewTokens: 12, StopStrings: ["\n\n"]);

        foreach (var prompt in new[] { "Question: 2 + 2 = ?\nAnswer:", "答案：", "Question: 2 + 2 = ?\nAnswer: 4\n" })
        {
            llama.Generate(prompt, settings, TestContext.Current.CancellationToken).Should().Be(genai.Generate(prompt, settings, TestContext.Current.CancellationToken), prompt);
        }
    }

    [Fact]
    public void EngineDescriptionRecordsThePinnedSettings()
    {
        using var llama = LoadLlamaCpp(TinyModelFixture.Folder(Spec("bytes")));

        llama.EngineDescription.Should().StartWith("LLamaSharp 0.30.0 (llama.cpp 815a2a5, cpu; flash_attn off, kv f32, n_ctx 4096, n_batch 2048, threads ");
        llama.Settings.FlashAttention.Should().BeFalse();
        llama.Identity.ExecutionProvider.Should().Contain("flash_attn=False").And.Contain("kv=f32");
        llama.Info.VocabSize.Should().Be(300);
    }

    [Fact]
    public void AFolderWithoutModelGgufIsRefusedNamingTheFile()
    {
        var folder = TinyModelFixture.Folder(TinyModelFixture.PlantedBytesSpec('B'));

        var load = () => LoadLlamaCpp(folder);

        load.Should().Throw<EvalInputException>()
            .Where(e => e.Message.Contains(Path.Combine(folder, "model.gguf")) && e.Message.Contains("convert_hf_to_gguf.py") && e.Message.Contains("planted"));
    }

    [Fact]
    public void SettingsTheEngineDoesNotHonourAreRefused()
    {
        using var llama = LoadLlamaCpp(TinyModelFixture.Folder(Spec("bytes")));

        var generate = () => llama.Generate("Answer:", new GenerationSettings(Temperature: 0.7, TopP: 0.9), TestContext.Current.CancellationToken);

        generate.Should().Throw<EvalInputException>().WithMessage("*top-p 0.9 is not honoured by the llamacpp engine*");
    }

    [Fact]
    public void SampledGenerationRepeatsWithItsSeed()
    {
        using var llama = LoadLlamaCpp(TinyModelFixture.Folder(Spec("bytes")));
        var settings = new GenerationSettings(MaxNewTokens: 8, Temperature: 1.0, Seed: 11);

        var first = llama.Generate("Answer:", settings, TestContext.Current.CancellationToken);
        var again = llama.Generate("Answer:", settings, TestContext.Current.CancellationToken);

        again.Should().Be(first);
        first.Should().NotBeEmpty();
    }

    [Fact]
    public void AGgufOfAnotherModelOrNoGgufAtAllIsRefusedNamingTheFile()
    {
        using var scratch = new TemporaryFolderCopy(TinyModelFixture.Folder(Spec("bytes")));
        var gguf = Path.Combine(scratch.Path, "model.gguf");
        File.Copy(Path.Combine(TinyModelFixture.Folder(Spec("qwen3")), "model.gguf"), gguf, overwrite: true);

        var otherModel = () => LoadLlamaCpp(scratch.Path);

        otherModel.Should().Throw<EvalInputException>().Where(e => e.Message.Contains(gguf) && e.Message.Contains("vocabulary of 151936 tokens") && e.Message.Contains("300"));

        File.WriteAllBytes(gguf, "GGUF not really"u8.ToArray());
        var garbage = () => LoadLlamaCpp(scratch.Path);

        garbage.Should().Throw<EvalInputException>().Where(e => e.Message.Contains($"llama.cpp cannot load {gguf}"));
    }

    /// <summary>A copy of a model folder that is deleted afterwards.</summary>
    private sealed class TemporaryFolderCopy : IDisposable
    {
        public TemporaryFolderCopy(string source)
        {
            Path = Directory.CreateTempSubdirectory("qwen3eval-llamacpp-").FullName;
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
            }
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>llama.cpp on the folder's model.gguf, tokenized by the folder's GenAI tokenizer, as the engine catalogue opens it.</summary>
    private static LlamaCppLanguageModel LoadLlamaCpp(string folder) =>
        LlamaCppLanguageModel.Load(folder, f => GenAiLanguageModel.Load(f, new GenAiModelOptions("cpu", 1)));
}
