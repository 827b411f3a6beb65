using System.Globalization;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// What a protocol does with a prompt longer than it allows, as its reference does it. Three kinds of rule:
/// <list type="bullet">
/// <item>Context keep-last (Qwen): when the prompt has more than <see cref="LongerThan"/> tokens, keep its last
/// <see cref="MaxContextTokens"/> (drop from the left). Qwen's MMLU script is "longer than 2048: keep the last 2047"
/// (QwenLM/Qwen eval/evaluate_mmlu.py L82-83, <c>input_ids[:, len - 2048 + 1:]</c>): a prompt of exactly 2048
/// tokens stays whole, a longer one keeps 2047.</item>
/// <item>Shot dropping (<see cref="DropShotsOver"/>, OpenCompass PPLInferencer): while a labelled prompt has more tokens
/// than <c>max_seq_len</c>, its last in-context example is dropped. It changes the prompt text, so it is applied where prompts
/// are rendered with the model's tokenizer (<see cref="Evaluation.ShotFitting"/>), not here.</item>
/// <item>Whole-sequence keep-last (<see cref="Sequence"/>): the context of each continuation keeps what leaves the whole
/// sequence within the reference's limit (<see cref="ContextLimitFor"/>).</item>
/// </list>
/// </summary>
/// <param name="MaxContextTokens">The most context tokens kept once the rule applies; null: no limit of the protocol's own.</param>
/// <param name="LongerThan">The rule applies to prompts longer than this; null: longer than <see cref="MaxContextTokens"/> (plain "keep the last N").</param>
public sealed record ContextTruncation(int? MaxContextTokens, int? LongerThan = null)
{
    public static ContextTruncation None { get; } = new((int?)null);

    /// <summary>
    /// OpenCompass PPLInferencer's <c>max_seq_len</c>: while the prompt of a label (the whole sequence, label included) has more
    /// tokens than this, the last in-context example is dropped; null: never.
    /// </summary>
    public int? DropShotsOver { get; init; }

    /// <summary>The whole-sequence rule (context and continuation counted together); null: none.</summary>
    public SequenceTruncation? Sequence { get; init; }

    /// <summary>Keep the last <paramref name="tokens"/> of a longer prompt.</summary>
    public static ContextTruncation KeepLast(int tokens) => new(tokens);

    /// <summary>A prompt longer than <paramref name="longerThan"/> keeps its last <paramref name="keep"/> tokens; shorter ones stay whole.</summary>
    public static ContextTruncation KeepLastWhenLongerThan(int longerThan, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, longerThan);
        return new(keep, keep == longerThan ? null : longerThan);
    }

    /// <summary>
    /// OpenCompass's perplexity forms on a HuggingFaceBaseModel with <c>max_seq_len</c> <paramref name="maxSeqLen"/> (null: the
    /// model config's, as the Qwen base configs at 26d077b0 leave it): shots dropped over it only when the model config sets it
    /// (tasks/openicl_infer.py L118 passes <c>model_cfg.get('max_seq_len')</c>), and each whole sequence keeps its last
    /// max_seq_len tokens (HF tokenizer, <c>truncation_side='left'</c>).
    /// </summary>
    public static ContextTruncation OpenCompass(int? maxSeqLen) => None with
    {
        DropShotsOver = maxSeqLen,
        Sequence = new SequenceTruncation(SequenceTruncationKind.OpenCompassHuggingFace, maxSeqLen),
    };

    /// <summary>lm-eval's HFLM with <c>max_length</c> <paramref name="maxLength"/> (null: the model's own context length).</summary>
    public static ContextTruncation LmEval(int? maxLength) => None with
    {
        Sequence = new SequenceTruncation(SequenceTruncationKind.LmEval, maxLength),
    };

    /// <summary>The prompt length above which tokens are dropped; null: never.</summary>
    public int? Threshold => LongerThan ?? MaxContextTokens;

    /// <summary>
    /// How the results file and the run identity record the rule: "none", "left:2048" (keep the last 2048 of a longer prompt),
    /// "left:2047-if-over:2048", or the parts joined by '+': "opencompass-drop-shots:2048", "opencompass-hf-left:2048" (or
    /// ":model-context"), "lm-eval-left:model-context".
    /// </summary>
    public string Id
    {
        get
        {
            var parts = new List<string>();
            var c = CultureInfo.InvariantCulture;
            switch (MaxContextTokens, LongerThan)
            {
                case ({ } max, null):
                    parts.Add("left:" + max.ToString(c));
                    break;
                case ({ } max, { } above):
                    parts.Add(string.Create(c, $"left:{max}-if-over:{above}"));
                    break;
            }

            if (DropShotsOver is { } shots)
            {
                parts.Add("opencompass-drop-shots:" + shots.ToString(c));
            }

            if (Sequence is { } sequence)
            {
                parts.Add(sequence.Id);
            }

            return parts.Count == 0 ? "none" : string.Join('+', parts);
        }
    }

    /// <summary>How many tokens the context keep-last rule drops from a prompt of <paramref name="promptTokens"/> tokens.</summary>
    public int Dropped(int promptTokens) =>
        MaxContextTokens is { } max && promptTokens > Threshold ? promptTokens - max : 0;

    /// <summary>
    /// The most context tokens a continuation of <paramref name="continuationTokens"/> tokens keeps under <see cref="Sequence"/>
    /// on a model of <paramref name="modelContextLength"/> positions; null without a sequence rule.
    /// </summary>
    /// <exception cref="EvalInputException">The continuation alone reaches the reference's limit (lm-eval asserts it).</exception>
    public int? ContextLimitFor(int continuationTokens, int modelContextLength) => Sequence?.ContextLimit(continuationTokens, modelContextLength);

    public override string ToString()
    {
        var parts = new List<string>();
        var c = CultureInfo.InvariantCulture;
        switch (MaxContextTokens, LongerThan)
        {
            case ({ } max, null):
                parts.Add(string.Create(c, $"keep the last {max} tokens (drop from the left)"));
                break;
            case ({ } max, { } above):
                parts.Add(string.Create(c, $"a prompt longer than {above} tokens keeps its last {max} (drop from the left)"));
                break;
        }

        if (DropShotsOver is { } shots)
        {
            parts.Add(string.Create(c, $"while a labelled prompt has more than {shots} tokens its last in-context example is dropped (applied with the model's tokenizer)"));
        }

        if (Sequence is { } sequence)
        {
            parts.Add(sequence.ToString());
        }

        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }
}
