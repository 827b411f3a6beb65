using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Tests.Prompts;

public class PromptProtocolsTests
{
    [Theory]
    [InlineData("qwen", typeof(QwenProtocol))]
    [InlineData("lm-eval", typeof(LmEvalProtocol))]
    [InlineData("OpenCompass", typeof(OpenCompassProtocol))]
    public void FindsProtocolsByName(string name, Type type) => PromptProtocols.Get(name).Should().BeOfType(type);

    [Fact]
    public void ListsTheThreeProtocolsAndTheirNamedVariants() =>
        PromptProtocols.Names.Should().Equal("qwen", "qwen@pandas2", "lm-eval", "lm-eval@0.4.9", "lm-eval@0.4.3", "opencompass", "opencompass@clean", "opencompass@max-seq-len-2048");

    [Fact]
    public void UnknownNameNamesTheValidOnes()
    {
        var act = () => PromptProtocols.Get("helm");

        act.Should().Throw<EvalInputException>().WithMessage("*unknown prompt protocol 'helm'*qwen, qwen@pandas2, lm-eval, lm-eval@0.4.9, lm-eval@0.4.3, opencompass, opencompass@clean*");
    }

    /// <summary>
    /// How each reference tokenizes what it scores: Qwen's scripts encode the prompt and <c>" A"</c> apart (the answer id is
    /// <c>tokenizer(" A").input_ids[-1]</c>), lm-eval's <c>_encode_pair</c> encodes context + continuation together,
    /// OpenCompass's <c>get_ppl</c> each whole sequence; every benchmark, both forms of lm-eval, and every variant.
    /// </summary>
    [Theory]
    [InlineData("qwen", false, ContinuationTokenization.Separate)]
    [InlineData("qwen@pandas2", false, ContinuationTokenization.Separate)]
    [InlineData("lm-eval", false, ContinuationTokenization.LmEvalEncodePair)]
    [InlineData("lm-eval", true, ContinuationTokenization.LmEvalEncodePair)]
    [InlineData("lm-eval@0.4.3", true, ContinuationTokenization.LmEvalEncodePair)]
    [InlineData("lm-eval@0.4.9", false, ContinuationTokenization.LmEvalEncodePair)]
    [InlineData("opencompass", false, ContinuationTokenization.WholeSequence)]
    [InlineData("opencompass@clean", false, ContinuationTokenization.WholeSequence)]
    public void EachProtocolStatesHowItTokenizesWhatItScores(string name, bool chat, ContinuationTokenization expected)
    {
        foreach (var benchmark in new[] { Benchmark.Mmlu, Benchmark.Ceval, Benchmark.Cmmlu })
        {
            PromptProtocols.Get(name).Settings(benchmark, chat).Tokenization.Should().Be(expected, $"{name} {benchmark}");
        }
    }
}
