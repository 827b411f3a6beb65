using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qwen3EvalTests.Results;

/// <summary>
/// The identity of a run: one SHA-256 over everything that can change its score — model file
/// hashes, data file hashes, benchmark, protocol and its templates, split, average, shots, chat,
/// scoring, choice rule, limit, context limit, generation settings and seed (sampled generation only), engine and execution
/// provider. Two runs with the same identity should give the same answers (up to nondeterminism of
/// the engine). What cannot change a score is left out on purpose: timestamps, folders, OS, CPU,
/// .NET version, the harness version and git commit, and the repeat number.
/// </summary>
public static class RunIdentity
{
    /// <summary>The canonical text the hash is taken over, one "key=value" line per field, in a fixed order.</summary>
    public static string CanonicalText(RunSettings settings, RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        void Line(string key, string? value) => text.Append(key).Append('=').Append(value ?? "(none)").Append('\n');

        Line("identity-version", "1");
        Line("benchmark", settings.Benchmark);
        Line("protocol", settings.Protocol);
        Line("prompt-templates", settings.PromptTemplates);
        Line("split", settings.Split);
        Line("average", settings.Average);
        Line("shots", settings.Shots.ToString(c));
        Line("chat", settings.Chat ? "true" : "false");
        Line("scoring", settings.Scoring);
        Line("choice-rule", settings.ChoiceRule);
        Line("limit", settings.Limit?.ToString(c));
        Line("max-context-tokens", settings.MaxContextTokens?.ToString(c));
        if (settings.Generation is { } g)
        {
            Line("generation.max-new-tokens", g.MaxNewTokens.ToString(c));
            Line("generation.temperature", g.Temperature.ToString("R", c));
            Line("generation.seed", g.IsGreedy ? "(greedy)" : g.Seed.ToString(c));
            Line("generation.stop", string.Join("\u001f", g.StopStrings));
        }
        else
        {
            Line("generation", null);
        }

        Line("engine", environment.Engine);
        Line("execution-provider", environment.ExecutionProvider);
        foreach (var (name, hash) in environment.ModelFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line("model-file:" + name, hash);
        }

        foreach (var (name, hash) in environment.DataFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line("data-file:" + name, hash);
        }

        return text.ToString();
    }

    /// <summary>SHA-256 (lower-case hex) of <see cref="CanonicalText"/>.</summary>
    public static string Of(RunSettings settings, RunEnvironment environment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(settings, environment))));

    /// <summary>SHA-256 (lower-case hex) of any text, e.g. a protocol's printed template record.</summary>
    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
