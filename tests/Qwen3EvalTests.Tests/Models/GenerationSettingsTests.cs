using Qwen3EvalTests.Models;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Models;

public class GenerationSettingsTests
{
    [Fact]
    public void Qwen3PresetsAreTheReportsSettings()
    {
        // Qwen3 technical report, post-trained models (prompt-formats.md §5).
        GenerationSettings.Qwen3Thinking.Should().BeEquivalentTo(new { Temperature = 0.6, TopP = 0.95, TopK = 20, PresencePenalty = 0.0, MaxNewTokens = 32_768 });
        GenerationSettings.Qwen3NonThinking.Should().BeEquivalentTo(new { Temperature = 0.7, TopP = 0.8, TopK = 20, PresencePenalty = 1.5, MaxNewTokens = 32_768 });
    }

    [Theory]
    [InlineData("qwen", 512)]
    [InlineData("opencompass", 1024)]
    public void ChatFormsGenerateGreedilyWithALengthThatCannotCutAnAnswer(string protocol, int maxNewTokens)
    {
        var generation = PromptProtocols.Get(protocol).Settings(Benchmark.Ceval, chat: true).Generation!;

        generation.IsGreedy.Should().BeTrue();
        generation.RepetitionPenalty.Should().Be(1.0, "the Qwen scripts set repetition_penalty = 1.0");
        generation.MaxNewTokens.Should().Be(maxNewTokens);
    }

    [Fact]
    public void SamplingFiltersMatterOnlyWhenSamplingButPenaltiesAlways()
    {
        var none = new GenerationSupport("none", TopP: false, TopK: false, MinP: false, RepetitionPenalty: false, PresencePenalty: false);

        new GenerationSettings(TopP: 0.5, TopK: 5, MinP: 0.1).NotHonouredBy(none).Should().BeEmpty("greedy decoding ignores top-p, top-k and min-p");
        new GenerationSettings(Temperature: 0.7, TopP: 0.5, TopK: 5, MinP: 0.1).NotHonouredBy(none).Should().HaveCount(3);
        new GenerationSettings(RepetitionPenalty: 1.05).NotHonouredBy(none).Should().ContainSingle().Which.Should().StartWith("repetition penalty 1.05 ");
        new GenerationSettings(PresencePenalty: 1.5).NotHonouredBy(none).Should().ContainSingle().Which.Should().StartWith("presence penalty 1.5 ");
        GenerationSettings.Qwen3NonThinking.NotHonouredBy(GenerationSupport.All).Should().BeEmpty();
        GenerationSettings.Qwen3Thinking.NotHonouredBy(GenerationSupport.GenAi).Should().BeEmpty("GenAI maps temperature, top-p and top-k");
        GenerationSettings.Qwen3NonThinking.NotHonouredBy(GenerationSupport.GenAi).Should().ContainSingle().Which.Should().StartWith("presence penalty 1.5 ", "GenAI has no presence penalty");
    }

    [Fact]
    public void GenAiHonoursTopPTopKAndTheRepetitionPenaltyButNotMinPOrThePresencePenalty()
    {
        new GenerationSettings(Temperature: 0.7, TopP: 0.5, TopK: 5, RepetitionPenalty: 1.05).NotHonouredBy(GenerationSupport.GenAi).Should().BeEmpty();
        GenerationSettings.Qwen3Thinking.NotHonouredBy(GenerationSupport.GenAi).Should().BeEmpty("temperature 0.6, top-p 0.95, top-k 20");
        new GenerationSettings(Temperature: 0.7, MinP: 0.1).NotHonouredBy(GenerationSupport.GenAi).Should().ContainSingle().Which.Should().StartWith("min-p 0.1 is not honoured by the onnxruntime-genai engine");
        GenerationSettings.Qwen3NonThinking.NotHonouredBy(GenerationSupport.GenAi).Should().ContainSingle()
            .Which.Should().Be("presence penalty 1.5 is not honoured by the onnxruntime-genai engine; it would be silently ignored. Use presence penalty 0 (off), or an engine that honours it.");
    }

    [Theory]
    [InlineData("A<|im_end|>junk<|endoftext|>", 1)]
    [InlineData("no stop here", null)]
    [InlineData("x<|endoftext|><|im_end|>", 1)]
    public void GeneratedTextIsCutAtTheEarliestStopString(string text, int? cut) =>
        new GenerationSettings(StopStrings: ["<|im_end|>", "", "<|endoftext|>"]).FirstStopIn(text).Should().Be(cut);
}
