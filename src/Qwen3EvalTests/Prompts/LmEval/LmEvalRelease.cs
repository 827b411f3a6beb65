namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// A release of lm-evaluation-harness as a prompt protocol reproduces it: its version and the rules of
/// <see cref="LmEvalRules"/> whose range contains it — all of them, never a hand-picked subset. The named variants are
/// HEAD ("lm-eval"), v0.4.9 ("lm-eval@0.4.9") and v0.4.3 ("lm-eval@0.4.3"); <see cref="Of"/> gives any other release read.
/// </summary>
/// <param name="Version">The release.</param>
public sealed record LmEvalRelease(LmEvalVersion Version)
{
    public static LmEvalRelease Head { get; } = new(LmEvalVersion.Head);

    public static LmEvalRelease V0_4_9 { get; } = Of("0.4.9");

    public static LmEvalRelease V0_4_3 { get; } = Of("0.4.3");

    /// <summary>The named variants: HEAD, v0.4.9, v0.4.3.</summary>
    public static IReadOnlyList<LmEvalRelease> All { get; } = [Head, V0_4_9, V0_4_3];

    /// <summary>"0.4.3", "0.4.9"; null: HEAD, the protocol named plain "lm-eval".</summary>
    public string? Tag => Version.Tag;

    /// <summary>The source a results file names: the tag, or HEAD's commit.</summary>
    public string Revision => Version.Revision;

    /// <summary>The rules that hold in this release, computed from <see cref="LmEvalRules"/>.</summary>
    public IReadOnlySet<LmEvalRuleId> Rules => LmEvalRules.HoldingAt(Version);

    /// <summary>Whether <paramref name="rule"/> holds in this release.</summary>
    public bool Holds(LmEvalRuleId rule) => LmEvalRules.All.Single(r => r.Id == rule).HoldsAt(Version);

    /// <summary>The release tagged <paramref name="tag"/>.</summary>
    /// <exception cref="ArgumentException">The rule table was not read at that tag.</exception>
    public static LmEvalRelease Of(string tag) => new(LmEvalVersion.Of(tag));
}
