using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// What <c>qwen3eval tokenize --json</c> prints: the ids the model is fed (the prompt, or the shared context of a scored
/// question, after truncation), each id decoded alone, the ids scored for each option, and the context tokens dropped.
/// </summary>
/// <param name="Tokens">The token ids fed before any continuation.</param>
/// <param name="Pieces">Each id of <paramref name="Tokens"/> decoded alone (a piece of a multi-byte character decodes as U+FFFD).</param>
/// <param name="Continuations">Each scored option's ids after <paramref name="Tokens"/>, in option order; empty for --text and generation forms.</param>
/// <param name="Truncated">Context tokens dropped from the left (the protocol's rule, then the model's context length).</param>
public sealed record TokenizeOutput(
    IReadOnlyList<int> Tokens,
    IReadOnlyList<string> Pieces,
    IReadOnlyList<TokenizedContinuation> Continuations,
    int Truncated);

/// <summary>One scored option in <see cref="TokenizeOutput"/>.</summary>
/// <param name="Text">The scored ids decoded together: what the reference scores after the context (" A"; lm-eval chat "\nA").</param>
/// <param name="Tokens">The scored ids.</param>
public sealed record TokenizedContinuation(string Text, IReadOnlyList<int> Tokens);

/// <summary>Source-generated JSON for <c>qwen3eval tokenize --json</c>: one line, camelCase, Chinese text unescaped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TokenizeOutput))]
public sealed partial class TokenizeJsonContext : JsonSerializerContext
{
    public static TokenizeJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
