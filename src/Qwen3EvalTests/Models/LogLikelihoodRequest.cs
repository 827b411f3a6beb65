namespace Qwen3EvalTests.Models;

/// <summary>
/// Score each continuation given one context, as lm-evaluation-harness's loglikelihood requests do:
/// the tokens are encode(context) followed by encode(continuation).
/// </summary>
/// <param name="Context">The prompt text.</param>
/// <param name="Continuations">The candidate continuations (e.g. " A", " B", " C", " D").</param>
/// <param name="MaxContextTokens">Left-truncate the context to this many tokens (Qwen's scripts: 2048); null: the model's context length less the longest continuation.</param>
/// <param name="IncludeContextLogProb">Also return the summed log-probability of the context tokens (perplexity scoring over the whole sequence, as OpenCompass ppl does).</param>
/// <param name="NextTokenOnly">Score only the last token of each continuation, as the next token after the context: Qwen's scripts compare
/// the next-token logits of <c>tokenizer(" A").input_ids[-1]</c> at the last prompt position (one forward pass per question).
/// Equal to full log-likelihood scoring when every continuation is one token (the real Qwen tokenizer's " A"…" D").</param>
public sealed record LogLikelihoodRequest(
    string Context,
    IReadOnlyList<string> Continuations,
    int? MaxContextTokens = null,
    bool IncludeContextLogProb = false,
    bool NextTokenOnly = false);
