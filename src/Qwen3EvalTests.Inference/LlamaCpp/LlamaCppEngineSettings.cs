using System.Globalization;
using LLama.Native;

namespace Qwen3EvalTests.Inference.LlamaCpp;

/// <summary>
/// The llama.cpp context settings the llamacpp engine pins, recorded in the run's engine description and cache identity.
/// Flash attention off and an F32 KV cache are what parity with the fp32 ONNX graph needs: llama.cpp's defaults (flash
/// attention auto, which is on for CPU, and an F16 KV cache) move logits by ~4e-3 (llamacpp-facts: 4.3e-6 pinned vs 4.4e-3
/// default on a 2-layer model). The batch holds the whole context, so a prompt is one decode, never split into micro-batches.
/// </summary>
/// <param name="ContextSize">n_ctx: the most tokens the KV cache holds (the model folder's context length).</param>
/// <param name="BatchSize">n_batch and n_ubatch: tokens per decode call.</param>
/// <param name="FlashAttention">flash_attn.</param>
/// <param name="KvCacheType">type_k and type_v.</param>
/// <param name="Threads">n_threads as the context reports it.</param>
public sealed record LlamaCppEngineSettings(int ContextSize, int BatchSize, bool FlashAttention, GGMLType KvCacheType, int Threads)
{
    /// <summary>The llama.cpp commit LLamaSharp 0.30.0's natives are built from (LLamaSharp's release notes).</summary>
    public const string LlamaCppCommit = "815a2a5";

    /// <summary>What LLamaSharp's version and these settings read as: "LLamaSharp 0.30.0 (llama.cpp 815a2a5, cpu; flash_attn off, kv f32, n_ctx 4096, n_batch 4096, threads 2)".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"LLamaSharp {LibraryVersion} (llama.cpp {LlamaCppCommit}, cpu; flash_attn {(FlashAttention ? "on" : "off")}, kv {KvName(KvCacheType)}, n_ctx {ContextSize}, n_batch {BatchSize}, threads {Threads})");

    /// <summary>The settings that change numbers, for the cache identity (threads do not change results).</summary>
    public string IdentityText => string.Create(CultureInfo.InvariantCulture, $"llamacpp:{LibraryVersion}:{LlamaCppCommit}:flash_attn={FlashAttention}:kv={KvName(KvCacheType)}:n_batch={BatchSize}");

    /// <summary>The LLamaSharp package version baked in at build time (its assembly carries version 0.0.0).</summary>
    private static string LibraryVersion { get; } = typeof(LlamaCppEngineSettings).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "LLamaSharpPackage")?.Value ?? "unknown version";

    private static string KvName(GGMLType type) => type switch
    {
        GGMLType.GGML_TYPE_F32 => "f32",
        GGMLType.GGML_TYPE_F16 => "f16",
        _ => type.ToString(),
    };
}
