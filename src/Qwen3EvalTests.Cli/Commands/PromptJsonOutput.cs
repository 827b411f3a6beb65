using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>What <c>qwen3eval prompt --json</c> prints: one rendered question.</summary>
/// <param name="FormatVersion">Bumped when a field changes meaning.</param>
/// <param name="Protocol">"qwen", "lm-eval" or "opencompass".</param>
/// <param name="Benchmark">"mmlu", "ceval" or "cmmlu".</param>
/// <param name="Subject">The subject id.</param>
/// <param name="Index">The question's 0-based index in the scored split.</param>
/// <param name="Chat">Whether the chat form was rendered.</param>
/// <param name="Shots">How many shots were used.</param>
/// <param name="Prompt">The exact prompt text.</param>
/// <param name="Continuations">The scored continuations (empty for generation).</param>
/// <param name="ScoreWholeSequence">Whether the whole sequence's loss is scored (perplexity).</param>
/// <param name="MaxContextTokens">Left truncation limit, when the protocol has one.</param>
/// <param name="Split">"dev", "val" or "test".</param>
/// <param name="Average">"micro" or "macro".</param>
/// <param name="Scoring">The scoring mode, e.g. "NextTokenChoice".</param>
/// <param name="ExpectedAnswer">The correct letter, when known.</param>
/// <param name="Extractor">The answer extractor's name for generation, else null.</param>
/// <param name="Messages">The chat messages, for chat prompts.</param>
public sealed record PromptJsonOutput(
    int FormatVersion,
    string Protocol,
    string Benchmark,
    string Subject,
    int Index,
    bool Chat,
    int Shots,
    string Prompt,
    IReadOnlyList<string> Continuations,
    bool ScoreWholeSequence,
    int? MaxContextTokens,
    string Split,
    string Average,
    string Scoring,
    string? ExpectedAnswer,
    string? Extractor,
    IReadOnlyList<PromptJsonMessage>? Messages)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The protocol's truncation rule ("none", "left:2047-if-over:2048").</summary>
    public string? Truncation { get; init; }

    /// <summary>For log-likelihood forms: how context and continuations are tokenized ("separate", "whole-sequence", "lm-eval-encode-pair"); null for generation.</summary>
    public string? Tokenization { get; init; }

    /// <summary>How the protocol read the data fields ("verbatim", "universal-newlines", "pandas1-na", …).</summary>
    public string? Reading { get; init; }

    /// <summary>
    /// When the protocol drops shots to fit a token budget (<c>opencompass-drop-shots:N</c>): that the rule applies with a model's
    /// tokenizer (<c>run</c>, <c>tokenize</c>) and that this prompt, rendered without one, keeps all its shots; null otherwise.
    /// </summary>
    public string? ShotDropping { get; init; }

    /// <summary>For chat prompts: which chat template rendered them (no model is loaded, so not a model's own); null for base prompts.</summary>
    public string? ChatTemplate { get; init; }
}

/// <summary>One chat message in <see cref="PromptJsonOutput"/>.</summary>
public sealed record PromptJsonMessage(string Role, string Content);

/// <summary>Source-generated JSON for <c>qwen3eval prompt --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PromptJsonOutput))]
public sealed partial class PromptJsonContext : JsonSerializerContext
{
    /// <summary>Indented camelCase JSON that keeps Chinese text readable (no \u escapes).</summary>
    public static PromptJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
