namespace Qwen3EvalTests.Cli.Commands;

/// <summary>One chat message in <see cref="PromptJsonOutput"/>.</summary>
public sealed record PromptJsonMessage(string Role, string Content);
