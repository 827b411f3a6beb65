namespace Qwen3EvalTests.Models;

/// <summary>
/// How the context and a scored continuation become token ids: each reference harness does it its own way, and the
/// ids decide what is scored (<c>[":", " A"]</c> is not <c>[":", " ", "A"]</c>). Applied by <see cref="RequestTokenizer"/>,
/// the one step every backend goes through.
/// </summary>
public enum ContinuationTokenization
{
    /// <summary>
    /// Context and continuation encoded separately, the ids concatenated (QwenLM/Qwen eval/evaluate_mmlu.py: the prompt is
    /// <c>tokenizer(prompt)</c> and the answer id is <c>tokenizer(" A").input_ids[-1]</c>, read at the last prompt position).
    /// </summary>
    Separate,

    /// <summary>
    /// Each whole sequence <c>context + continuation</c> encoded in one piece (OpenCompass <c>get_ppl</c>,
    /// models/huggingface_above_v4_33.py L398-407); the context ids are the tokens every option's sequence starts with,
    /// each continuation the rest of its own sequence.
    /// </summary>
    WholeSequence,

    /// <summary>
    /// lm-evaluation-harness <c>_encode_pair</c> (lm_eval/api/model.py L368-393): the context's trailing whitespace moves
    /// into the continuation, <c>context + continuation</c> is encoded together and split at the length of the encoded
    /// (stripped) context.
    /// </summary>
    LmEvalEncodePair,
}

/// <summary>The ids of <see cref="ContinuationTokenization"/> in results files, the run identity and <c>qwen3eval tokenize</c>.</summary>
public static class ContinuationTokenizations
{
    public static IReadOnlyList<ContinuationTokenization> All { get; } = Enum.GetValues<ContinuationTokenization>();

    /// <summary>"separate", "whole-sequence" or "lm-eval-encode-pair".</summary>
    public static string ToId(this ContinuationTokenization tokenization) => tokenization switch
    {
        ContinuationTokenization.Separate => "separate",
        ContinuationTokenization.WholeSequence => "whole-sequence",
        ContinuationTokenization.LmEvalEncodePair => "lm-eval-encode-pair",
        _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, null),
    };

    public static bool TryParse(string? id, out ContinuationTokenization tokenization)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                tokenization = candidate;
                return true;
            }
        }

        tokenization = default;
        return false;
    }
}
