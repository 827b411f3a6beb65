using System.Globalization;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// What a protocol does with a prompt longer than it allows: keep the last <see cref="MaxContextTokens"/>
/// tokens (drop from the left, as Qwen's scripts do), or nothing of its own (the model's context is the limit).
/// </summary>
/// <param name="MaxContextTokens">The most context tokens kept; null: no limit of the protocol's own.</param>
public sealed record ContextTruncation(int? MaxContextTokens)
{
    public static ContextTruncation None { get; } = new((int?)null);

    public static ContextTruncation KeepLast(int tokens) => new(tokens);

    /// <summary>"none" or "left:2048" — how the results file and the run identity record it.</summary>
    public string Id => MaxContextTokens is { } max ? "left:" + max.ToString(CultureInfo.InvariantCulture) : "none";

    public override string ToString() => MaxContextTokens is { } max
        ? string.Create(CultureInfo.InvariantCulture, $"keep the last {max} tokens (drop from the left)")
        : "none";
}
