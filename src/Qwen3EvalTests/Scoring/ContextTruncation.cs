using System.Globalization;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// What a protocol does with a prompt longer than it allows: when the prompt has more than
/// <see cref="LongerThan"/> tokens, keep its last <see cref="MaxContextTokens"/> (drop from the left); or nothing
/// of its own (the model's context is the limit). Qwen's MMLU script is "longer than 2048: keep the last 2047"
/// (QwenLM/Qwen eval/evaluate_mmlu.py L82-83, <c>input_ids[:, len - 2048 + 1:]</c>): a prompt of exactly 2048
/// tokens stays whole, a longer one keeps 2047.
/// </summary>
/// <param name="MaxContextTokens">The most context tokens kept once the rule applies; null: no limit of the protocol's own.</param>
/// <param name="LongerThan">The rule applies to prompts longer than this; null: longer than <see cref="MaxContextTokens"/> (plain "keep the last N").</param>
public sealed record ContextTruncation(int? MaxContextTokens, int? LongerThan = null)
{
    public static ContextTruncation None { get; } = new((int?)null);

    /// <summary>Keep the last <paramref name="tokens"/> of a longer prompt.</summary>
    public static ContextTruncation KeepLast(int tokens) => new(tokens);

    /// <summary>A prompt longer than <paramref name="longerThan"/> keeps its last <paramref name="keep"/> tokens; shorter ones stay whole.</summary>
    public static ContextTruncation KeepLastWhenLongerThan(int longerThan, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, longerThan);
        return new(keep, keep == longerThan ? null : longerThan);
    }

    /// <summary>The prompt length above which tokens are dropped; null: never.</summary>
    public int? Threshold => LongerThan ?? MaxContextTokens;

    /// <summary>"none", "left:2048" (keep the last 2048 of a longer prompt) or "left:2047-if-over:2048" — how the results file and the run identity record it.</summary>
    public string Id => (MaxContextTokens, LongerThan) switch
    {
        (null, _) => "none",
        ({ } max, null) => "left:" + max.ToString(CultureInfo.InvariantCulture),
        ({ } max, { } above) => string.Create(CultureInfo.InvariantCulture, $"left:{max}-if-over:{above}"),
    };

    /// <summary>How many tokens the rule drops from a prompt of <paramref name="promptTokens"/> tokens.</summary>
    public int Dropped(int promptTokens) =>
        MaxContextTokens is { } max && promptTokens > Threshold ? promptTokens - max : 0;

    public override string ToString() => (MaxContextTokens, LongerThan) switch
    {
        (null, _) => "none",
        ({ } max, null) => string.Create(CultureInfo.InvariantCulture, $"keep the last {max} tokens (drop from the left)"),
        ({ } max, { } above) => string.Create(CultureInfo.InvariantCulture, $"a prompt longer than {above} tokens keeps its last {max} (drop from the left)"),
    };
}
