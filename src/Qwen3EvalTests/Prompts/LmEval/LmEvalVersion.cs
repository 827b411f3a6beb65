namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// A point in lm-evaluation-harness's history that <see cref="LmEvalRules"/> was read at: a release tag
/// (v0.4.3 … v0.4.12, in version order: v0.4.9 &lt; v0.4.9.1 &lt; v0.4.9.2 &lt; v0.4.10) or HEAD (4e7e0d47),
/// which comes after every tag (v0.4.12 is its ancestor). v0.4.3 is the oldest: the first release with
/// <c>--apply_chat_template</c> (v0.4.2's lm_eval/api/task.py has none). v0.5.0.dev1 is on another branch
/// (not an ancestor of HEAD) and is not read.
/// </summary>
public sealed record LmEvalVersion : IComparable<LmEvalVersion>
{
    /// <summary>The upstream commit HEAD stands for.</summary>
    public const string HeadCommit = "4e7e0d47";

    private static readonly string[] ReadTags =
        ["0.4.3", "0.4.4", "0.4.5", "0.4.6", "0.4.7", "0.4.8", "0.4.9", "0.4.9.1", "0.4.9.2", "0.4.10", "0.4.11", "0.4.12"];

    private readonly Version? number;

    private LmEvalVersion(string? tag)
    {
        Tag = tag;
        number = tag is null ? null : Version.Parse(tag);
    }

    /// <summary>HEAD (<see cref="HeadCommit"/>).</summary>
    public static LmEvalVersion Head { get; } = new((string?)null);

    /// <summary>Every release the rule table was read at, oldest first, then <see cref="Head"/>.</summary>
    public static IReadOnlyList<LmEvalVersion> All { get; } = [.. ReadTags.Select(t => new LmEvalVersion(t)), Head];

    /// <summary>"0.4.9.2" without the "v"; null: HEAD.</summary>
    public string? Tag { get; }

    /// <summary>The upstream revision: "v0.4.9.2", or HEAD's commit.</summary>
    public string Revision => Tag is null ? HeadCommit : "v" + Tag;

    /// <summary>The release tagged <paramref name="tag"/> ("0.4.6" or "v0.4.6").</summary>
    /// <exception cref="ArgumentException">The tag is not one the rule table was read at.</exception>
    public static LmEvalVersion Of(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var bare = tag.StartsWith('v') ? tag[1..] : tag;
        return All.FirstOrDefault(v => v.Tag == bare)
            ?? throw new ArgumentException($"lm-eval {tag}: the rule table was read at v{string.Join(", v", ReadTags)} and HEAD only.", nameof(tag));
    }

    public int CompareTo(LmEvalVersion? other) => other is null ? 1 : (number, other.number) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => number!.CompareTo(other.number),
    };

    public static bool operator <(LmEvalVersion left, LmEvalVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(LmEvalVersion left, LmEvalVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(LmEvalVersion left, LmEvalVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LmEvalVersion left, LmEvalVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Revision;
}
