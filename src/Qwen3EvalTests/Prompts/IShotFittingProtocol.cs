namespace Qwen3EvalTests.Prompts;

/// <summary>
/// A protocol whose reference drops in-context examples to fit a token budget (OpenCompass's PPLInferencer): it renders a
/// question with as many of its shots as the budget allows, counting tokens with the model's own tokenizer.
/// </summary>
public interface IShotFittingProtocol : IPromptProtocol
{
    /// <summary>
    /// <paramref name="request"/> rendered with its shots cut, from the end, until each labelled prompt has at most
    /// <paramref name="maxSequenceTokens"/> tokens by <paramref name="countTokens"/> (or no shot is left).
    /// </summary>
    RenderedPrompt RenderFitted(PromptRequest request, int maxSequenceTokens, Func<string, int> countTokens);
}
