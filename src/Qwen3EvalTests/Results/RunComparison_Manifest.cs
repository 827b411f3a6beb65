using System.Globalization;

namespace Qwen3EvalTests.Results;

/// <summary>The manifest diff of <see cref="RunComparison"/>.</summary>
public sealed partial record RunComparison
{
    /// <summary>Every manifest field that differs between two run headers: score-relevant fields first, then the environment.</summary>
    public static IReadOnlyList<ManifestDifference> ManifestDiff(RunHeader a, RunHeader b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = CultureInfo.InvariantCulture;
        var list = new List<ManifestDifference>();
        void Add(string field, string? before, string? after, bool affectsScore)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                list.Add(new ManifestDifference(field, before ?? "(none)", after ?? "(none)", affectsScore));
            }
        }

        var (sa, sb) = (a.Settings, b.Settings);
        Add("engine", a.Environment.Engine, b.Environment.Engine, true);
        Add("execution provider", a.Environment.ExecutionProvider, b.Environment.ExecutionProvider, true);
        Add("protocol", sa.Protocol, sb.Protocol, true);
        Add("prompt templates", Short(sa.PromptTemplates), Short(sb.PromptTemplates), true);
        Add("split", sa.Split, sb.Split, true);
        Add("average", sa.Average, sb.Average, true);
        Add("shots", sa.Shots.ToString(c), sb.Shots.ToString(c), true);
        Add("chat", sa.Chat ? "chat" : "base", sb.Chat ? "chat" : "base", true);
        Add("scoring", sa.Scoring, sb.Scoring, true);
        Add("choice rule", sa.ChoiceRule, sb.ChoiceRule, true);
        Add("limit", sa.Limit?.ToString(c) ?? "all", sb.Limit?.ToString(c) ?? "all", true);
        Add("max context tokens", sa.MaxContextTokens?.ToString(c), sb.MaxContextTokens?.ToString(c), true);
        Add("generation", Describe(sa.Generation), Describe(sb.Generation), true);
        FileHashes("model file", a.Environment.ModelFiles, b.Environment.ModelFiles, list);
        FileHashes("data file", a.Environment.DataFiles, b.Environment.DataFiles, list);
        Add("model", a.Model, b.Model, false);
        Add("model kind", a.ModelKind, b.ModelKind, false);
        Add("harness version", a.Environment.HarnessVersion, b.Environment.HarnessVersion, false);
        Add("git commit", a.Environment.GitCommit, b.Environment.GitCommit, false);
        Add("operating system", a.Environment.OperatingSystem, b.Environment.OperatingSystem, false);
        Add("cpu", a.Environment.Cpu, b.Environment.Cpu, false);
        Add(".NET", a.Environment.DotNet, b.Environment.DotNet, false);
        return list;
    }

    private static void FileHashes(string kind, IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b, List<ManifestDifference> list)
    {
        foreach (var name in a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var before = a.GetValueOrDefault(name);
            var after = b.GetValueOrDefault(name);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                list.Add(new ManifestDifference($"{kind} {name}", Short(before) ?? "(absent)", Short(after) ?? "(absent)", true));
            }
        }
    }

    private static string? Short(string? hash) => hash is { Length: > 12 } ? hash[..12] : hash;

    private static string? Describe(RunGeneration? g) => g is null
        ? null
        : FormattableString.Invariant($"max {g.MaxNewTokens} tokens, temperature {g.Temperature}, seed {g.Seed}");
}
