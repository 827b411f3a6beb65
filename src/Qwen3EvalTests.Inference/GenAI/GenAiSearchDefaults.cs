namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>genai_config.json's search block, as far as the harness overrides or depends on it.</summary>
/// <param name="MaxLength">search.max_length (the builder writes the full context); the harness sets its own per run.</param>
/// <param name="DoSample">search.do_sample (instruct exports: true, copied from generation_config.json); the harness sets it per request.</param>
/// <param name="SharesKvBuffer">search.past_present_share_buffer: one static KV buffer [batch, kv_heads, max_length, head_size] per layer.</param>
public sealed record GenAiSearchDefaults(int? MaxLength, bool DoSample, bool SharesKvBuffer);
