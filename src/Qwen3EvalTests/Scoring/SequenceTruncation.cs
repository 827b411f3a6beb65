using System.Globalization;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// A reference's left truncation of the whole sequence (context and continuation counted together): how many context tokens
/// a continuation of n tokens keeps. Continuations of different lengths keep different amounts of context, so the scorer
/// asks for each option apart when that differs.
/// </summary>
/// <param name="Kind">Whose rule.</param>
/// <param name="Tokens">The reference's limit (OpenCompass <c>max_seq_len</c>, lm-eval <c>max_length</c>); null: the model's context length.</param>
public sealed record SequenceTruncation(SequenceTruncationKind Kind, int? Tokens)
{
    /// <summary>"opencompass-hf-left:2048", "lm-eval-left:model-context".</summary>
    public string Id => (Kind == SequenceTruncationKind.LmEval ? "lm-eval-left:" : "opencompass-hf-left:")
        + (Tokens?.ToString(CultureInfo.InvariantCulture) ?? "model-context");

    /// <summary>
    /// The most context tokens a continuation of <paramref name="continuationTokens"/> tokens keeps, the limit being
    /// <see cref="Tokens"/> or else <paramref name="modelContextLength"/>:
    /// <list type="bullet">
    /// <item>OpenCompass (open-compass/opencompass 26d077b0 opencompass/models/huggingface_above_v4_33.py L400-407, get_ppl:
    /// <c>tokenizer.batch_encode_plus(..., truncation=True, max_length=self.max_seq_len)</c> with <c>truncation_side='left'</c>,
    /// L180): the whole sequence keeps its last L tokens, so the context keeps L − n.</item>
    /// <item>lm-eval (EleutherAI/lm-evaluation-harness 4e7e0d47 lm_eval/models/huggingface.py L1436,
    /// <c>(context_enc + continuation_enc)[-(self.max_length + 1):][:-1]</c>): the last L + 1 tokens are kept and the last one
    /// is not fed, so the context keeps L + 1 − n; a continuation longer than L fails L1417's
    /// <c>assert len(continuation_enc) &lt;= self.max_length</c>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="EvalInputException">The continuation leaves no context token.</exception>
    public int ContextLimit(int continuationTokens, int modelContextLength)
    {
        var limit = Tokens ?? modelContextLength;
        var kept = Kind == SequenceTruncationKind.LmEval ? limit + 1 - continuationTokens : limit - continuationTokens;
        return kept >= 1
            ? kept
            : throw new EvalInputException(
                string.Create(CultureInfo.InvariantCulture, $"a continuation of {continuationTokens} tokens leaves no context within {(Kind == SequenceTruncationKind.LmEval ? "lm-eval's max_length" : "OpenCompass's max_seq_len")} {limit} ({Id}); lm-eval refuses a continuation longer than max_length. Use shorter continuations or a longer limit."),
                field: "truncation");
    }

    public override string ToString() => Kind == SequenceTruncationKind.LmEval
        ? $"lm-eval: the last max_length + 1 tokens of context + continuation are kept and the last is not fed (max_length {Tokens?.ToString(CultureInfo.InvariantCulture) ?? "the model's context length"})"
        : $"OpenCompass: each whole sequence keeps its last max_seq_len tokens (max_seq_len {Tokens?.ToString(CultureInfo.InvariantCulture) ?? "the model's context length"})";
}

/// <summary>Whose whole-sequence truncation a <see cref="SequenceTruncation"/> is.</summary>
public enum SequenceTruncationKind
{
    /// <summary>OpenCompass HuggingFaceBaseModel.get_ppl: the tokenizer keeps the last max_seq_len tokens.</summary>
    OpenCompassHuggingFace,

    /// <summary>lm-eval HFLM._loglikelihood_tokens: the last max_length + 1 tokens, the last not fed.</summary>
    LmEval,
}
