namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// One release-dependent rule of lm-evaluation-harness, stated once with the releases in which it holds.
/// </summary>
/// <param name="Id">Which rule.</param>
/// <param name="Effect">What it does to the prompt's bytes.</param>
/// <param name="Since">The first release in which it holds; <see cref="LmEvalVersion.All"/>'s oldest when it already holds there.</param>
/// <param name="Until">The last release in which it holds; null: it still holds at HEAD.</param>
/// <param name="Evidence">Where upstream says so, as <c>tag:path:line</c>: the last release without the rule and the first with it (or the reverse for a rule that ends), and HEAD.</param>
public sealed record LmEvalRule(LmEvalRuleId Id, string Effect, LmEvalVersion Since, LmEvalVersion? Until, IReadOnlyList<string> Evidence)
{
    /// <summary>Whether the rule holds in <paramref name="version"/>: Since ≤ version ≤ Until.</summary>
    public bool HoldsAt(LmEvalVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version >= Since && (Until is null || version <= Until);
    }

    /// <summary>"v0.4.6 – HEAD", "v0.4.3 – v0.4.3".</summary>
    public string Range => $"{Since.Revision} – {(Until is null ? "HEAD" : Until.Revision)}";
}
