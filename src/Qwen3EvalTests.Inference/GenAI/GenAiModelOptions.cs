using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>How a GenAI model folder is loaded and run.</summary>
/// <param name="ExecutionProvider">"cpu" or "cuda".</param>
/// <param name="BatchSize">1: score with a shared KV-cache prefix; more: score full prompts in batches of this size (no prefix reuse).</param>
/// <param name="DeclaredKind">The kind the user declared (suite kind:, run --kind); it beats what the folder suggests. Null: inferred.</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads. Null: genai_config.json's session_options.intra_op_num_threads
/// when the folder sets it, else every core the process may use (see <see cref="IntraOpThreading"/>, which also turns spin-waiting off).</param>
public sealed record GenAiModelOptions(string ExecutionProvider = "cpu", int BatchSize = 1, ModelKind? DeclaredKind = null, int? IntraOpThreads = null)
{
    public static GenAiModelOptions Default { get; } = new();
}
