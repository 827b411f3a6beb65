namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// One forward call of the harness: <paramref name="Tokens"/> appended after the first <paramref name="Start"/> tokens the
/// KV cache held, reading every logits row (multi-token continuations, context log-likelihoods) or only the last.
/// </summary>
public sealed record PrefillRecord(int Start, int[] Tokens, bool ReadsEveryRow);
