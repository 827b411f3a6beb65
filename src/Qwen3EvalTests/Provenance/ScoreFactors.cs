using System.Globalization;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Provenance;

/// <summary>One thing that can change a run's score, as the identity hash and the manifest diff see it.</summary>
/// <param name="Key">The stable key of the identity's canonical text ("shots", "model-file:model.onnx").</param>
/// <param name="Label">How a person reads it in a manifest diff ("shots", "model file model.onnx").</param>
/// <param name="Value">The exact value hashed; null when absent.</param>
/// <param name="Display">The value as a diff shows it (hashes shortened, "all" for no limit).</param>
public sealed record ScoreFactor(string Key, string Label, string? Value, string? Display);

/// <summary>
/// The one list of what can change a score: every field of <see cref="RunSettings"/> but the repeat number, the
/// generation settings (the seed only when sampling), the engine and execution provider, and the hash of every model
/// and data file. <see cref="RunIdentity"/> hashes it, <see cref="RunComparison.ManifestDiff"/> compares it; a test fails
/// when a settings field is left out. What cannot change a score stays out: timestamps, folders, OS, CPU, .NET,
/// the harness version and the repeat number.
/// </summary>
public static class ScoreFactors
{
    /// <summary>RunSettings fields that are deliberately not factors, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> NotFactors { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(RunSettings.Repeat)] = "a repeat of the same settings must give the same answers (greedy) or is told apart by its seed (sampled)",
    };

    /// <summary>The key prefix of a data file's factor ("data-file:mmlu/test/x_test.csv").</summary>
    public const string DataFileKeyPrefix = "data-file:";

    public static IReadOnlyList<ScoreFactor> Of(RunSettings settings, RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var c = CultureInfo.InvariantCulture;
        var factors = new List<ScoreFactor>();
        void Add(string key, string label, string? value, string? display = null) => factors.Add(new ScoreFactor(key, label, value, display ?? value));

        Add("benchmark", "benchmark", settings.Benchmark);
        Add("protocol", "protocol", settings.Protocol);
        Add("prompt-templates", "prompt templates", settings.PromptTemplates, Short(settings.PromptTemplates));
        Add("split", "split", settings.Split);
        Add("average", "average", settings.Average);
        Add("shots", "shots", settings.Shots.ToString(c));
        Add("chat", "chat", settings.Chat ? "true" : "false", settings.Chat ? "chat" : "base");
        Add("scoring", "scoring", settings.Scoring);
        Add("choice-rule", "choice rule", settings.ChoiceRule);
        Add("limit", "limit", settings.Limit?.ToString(c), settings.Limit?.ToString(c) ?? "all");
        Add("max-context-tokens", "max context tokens", settings.MaxContextTokens?.ToString(c));
        Add("truncation", "truncation", settings.Truncation);
        Add("reading", "data reading", settings.Reading);
        Add("chat-template", "chat template", settings.ChatTemplate);
        Add("tokenization", "continuation tokenization", settings.Tokenization);
        if (settings.Extractor is not null)
        {
            Add("extractor", "answer extractor", settings.Extractor); // only where there is one: log-likelihood identities stay as they were
        }

        if (settings.Generation is { } g)
        {
            Add("generation.max-new-tokens", "generation max new tokens", g.MaxNewTokens.ToString(c));
            Add("generation.temperature", "generation temperature", g.Temperature.ToString("R", c));
            Add("generation.seed", "generation seed", g.IsGreedy ? "(greedy)" : g.Seed.ToString(c));
            Add("generation.stop", "generation stop strings", string.Join("\u001f", g.StopStrings), string.Join(" | ", g.StopStrings.Select(Visible)));
            Add("generation.top-p", "generation top-p", g.TopP.ToString("R", c));
            Add("generation.top-k", "generation top-k", g.TopK.ToString(c));
            Add("generation.min-p", "generation min-p", g.MinP.ToString("R", c));
            Add("generation.repetition-penalty", "generation repetition penalty", g.RepetitionPenalty.ToString("R", c));
            Add("generation.presence-penalty", "generation presence penalty", g.PresencePenalty.ToString("R", c));
        }
        else
        {
            Add("generation", "generation", null);
        }

        Add("engine", "engine", environment.Engine);
        Add("execution-provider", "execution provider", environment.ExecutionProvider);
        foreach (var (name, hash) in environment.ModelFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("model-file:" + name, "model file " + name, hash, Short(hash));
        }

        foreach (var (name, hash) in environment.DataFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(DataFileKeyPrefix + name, "data file " + name, hash, Short(hash));
        }

        return factors;
    }

    private static string? Short(string? hash) => hash is { Length: > 12 } ? hash[..12] : hash;

    private static string Visible(string stop) => stop.Replace("\n", "\\n", StringComparison.Ordinal);
}
