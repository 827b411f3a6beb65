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
        PromptProtocols.Names.Should().Equal("qwen", "qwen@pandas2", "lm-eval", "lm-eval@0.4.9", "lm-eval@0.4.3", "opencompass", "opencompass@clean");

    [Fact]
    public void UnknownNameNamesTheValidOnes()
    {
        var act = () => PromptProtocols.Get("helm");

        act.Should().Throw<EvalInputException>().WithMessage("*unknown prompt protocol 'helm'*qwen, qwen@pandas2, lm-eval, lm-eval@0.4.9, lm-eval@0.4.3, opencompass, opencompass@clean*");
    }
}
