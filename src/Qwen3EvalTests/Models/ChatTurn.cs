namespace Qwen3EvalTests.Models;

/// <summary>One chat message: role is "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content);
