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
        foreach (var key in before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))))
        {
            var x = before.GetValueOrDefault(key);
            var y = after.GetValueOrDefault(key);
            if (!string.Equals(x?.Value, y?.Value, StringComparison.Ordinal))
            {
                list.Add(new ManifestDifference((x ?? y)!.Label, Shown(x), Shown(y), AffectsScore: true));
            }
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

    private static string Shown(ScoreFactor? factor) => factor is null ? "(absent)" : factor.Display ?? "(none)";
}
