using System.Text.Json.Serialization;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>One message as GenAI's ApplyChatTemplate reads it.</summary>
internal sealed record ChatMessageJson(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);
