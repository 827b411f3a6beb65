using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Comparison;

/// <summary>The manifest diff of <see cref="RunComparison"/>.</summary>
public sealed partial record RunComparison
{
    /// <summary>Every manifest field that differs between two run headers: score-relevant fields first, then the environment.</summary>
    public static IReadOnlyList<ManifestDifference> ManifestDiff(RunHeader a, RunHeader b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var list = new List<ManifestDifference>();
        void Add(string field, string? before, string? after, bool affectsScore)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                list.Add(new ManifestDifference(field, before ?? "(none)", after ?? "(none)", affectsScore));
            }
        }

        // What can change a score: the same list the identity hash is taken over.
        var before = ScoreFactors.Of(a.Settings, a.Environment).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var after = ScoreFactors.Of(b.Settings, b.Environment).ToDictionary(f => f.Key, StringComparer.Ordinal);
        int added = 0, removed = 0, changed = 0;
        foreach (var key in before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))))
        {
            var x = before.GetValueOrDefault(key);
            var y = after.GetValueOrDefault(key);
            if (string.Equals(x?.Value, y?.Value, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DataFileKey, StringComparison.Ordinal))
            {
                // Data files are counted, not listed: the sample against the full data differs in ~100 files.
                added += x is null ? 1 : 0;
                removed += y is null ? 1 : 0;
                changed += x is not null && y is not null ? 1 : 0;
                continue;
            }

            list.Add(new ManifestDifference((x ?? y)!.Label, Shown(x), Shown(y), AffectsScore: true));
        }

        if (added + removed + changed > 0)
        {
            var counts = new[] { (added, "added"), (removed, "removed"), (changed, "changed") }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {(c.Item1 == 1 ? "file" : "files")} {c.Item2}");
            list.Add(new ManifestDifference("data files", FileCount(before.Keys), FileCount(after.Keys), AffectsScore: true) { Summary = string.Join(", ", counts) });
        }

        Add("model", a.Model, b.Model, false);
        Add("model kind", a.ModelKind, b.ModelKind, false);
        Add("harness version", a.Environment.HarnessVersion, b.Environment.HarnessVersion, false);
        Add("git commit", a.Environment.GitCommit, b.Environment.GitCommit, false);
        Add("operating system", a.Environment.OperatingSystem, b.Environment.OperatingSystem, false);
        Add("cpu", a.Environment.Cpu, b.Environment.Cpu, false);
        Add(".NET", a.Environment.DotNet, b.Environment.DotNet, false);
        return list;
    }

    private const string DataFileKey = ScoreFactors.DataFileKeyPrefix;

    private static string FileCount(IEnumerable<string> keys) => $"{keys.Count(k => k.StartsWith(DataFileKey, StringComparison.Ordinal))} files";

    private static string Shown(ScoreFactor? factor) => factor is null ? "(absent)" : factor.Display ?? "(none)";
}
