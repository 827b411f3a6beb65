using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Models;

/// <summary>The one fitting rule every backend applies before it feeds a request (GenAI, llama.cpp, served).</summary>
public sealed class TokenizedRequestTests
{
    private static readonly TokenizedRequest Request = new([1, 2, 3, 4, 5, 6], [[7], [8, 9]]);

    [Fact]
    public void KeepsTheLastContextTokensThatLeaveRoomForTheLongestContinuation()
    {
        // 6 positions − 2 for the longest continuation = 4 context tokens; the protocol allows 5.
        var fitted = Request.FittedTo(maxContextTokens: 5, positions: 6, emptyContext: 0, "ctx 6", file: null, "f");

        fitted.Context.Should().Equal(3, 4, 5, 6);
        fitted.TruncatedTokens.Should().Be(2);
        fitted.Continuations.Should().BeEquivalentTo(Request.Continuations, o => o.WithStrictOrdering());
        Request.FittedTo(maxContextTokens: 3, positions: 100, emptyContext: 0, "ctx", null, "f").Context.Should().Equal(4, 5, 6);
        Request.FittedTo(maxContextTokens: null, positions: 100, emptyContext: 0, "ctx", null, "f").Should().Be(Request);
    }

    [Fact]
    public void AnEmptyContextBecomesTheBosIdOrIsRefused()
    {
        var empty = new TokenizedRequest([], [[7]]);

        empty.FittedTo(null, 10, emptyContext: 151643, "ctx", null, "f").Context.Should().Equal(151643);
        FluentActions.Invoking(() => empty.FittedTo(null, 10, emptyContext: null, "ctx", null, "f"))
            .Should().Throw<EvalInputException>().WithMessage("*an empty context cannot be scored by this engine*");
    }

    [Fact]
    public void NoRoomForContextIsRefusedNamingTheEnginesLimitAndTheFile()
    {
        FluentActions.Invoking(() => Request.FittedTo(null, positions: 2, emptyContext: 0, "the model's context length 2", "/m/genai_config.json", "model.context_length"))
            .Should().Throw<EvalInputException>()
            .WithMessage("*/m/genai_config.json*model.context_length*a continuation of 2 tokens leaves no room for context in the model's context length 2*");
    }

    [Theory]
    [InlineData("1 7|1 8|1 9", 1)]
    [InlineData("1 2 7|1 2 8", 2)]
    [InlineData("1 2|1 2", 1)]
    [InlineData("7|8", 0)]
    [InlineData("1 7", 0)]
    public void SharedLeadingTokensLeaveEachContinuationOneOfItsOwn(string continuations, int shared) =>
        TokenizedRequest.SharedLeadingTokens([.. continuations.Split('|').Select(c => (IReadOnlyList<int>)[.. c.Split(' ').Select(int.Parse)])])
            .Should().Be(shared);
}
