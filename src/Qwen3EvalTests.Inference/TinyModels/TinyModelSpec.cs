using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// Everything that determines a generated Qwen3-shaped test model; the same spec always gives the same bytes.
/// </summary>
/// <param name="Seed">Seed of the weights (SplitMix64).</param>
/// <param name="Tokenizer">Byte-level or the real Qwen3 tokenizer.</param>
/// <param name="PlantedAnswer">'A'..'D': the model answers every multiple-choice question with this letter; null: random weights only.</param>
/// <param name="Kind">Base or instruct. Legacy exports give instruct models a chat_template in tokenizer_config.json and base models
/// none; builder-shaped exports (cpu-int4, fp16-logits) give both a chat_template.jinja, as real Qwen checkpoints and current
/// transformers' save_pretrained do.</param>
/// <param name="HiddenSize">Model width.</param>
/// <param name="Layers">Decoder layers.</param>
/// <param name="Heads">Attention (query) heads.</param>
/// <param name="KvHeads">Key/value heads (grouped-query attention: fewer than <paramref name="Heads"/>).</param>
/// <param name="HeadDim">Size of one head (even: rotary embedding pairs halves).</param>
/// <param name="Intermediate">SwiGLU MLP width.</param>
/// <param name="ContextLength">Most tokens one sequence may hold (the rotary tables' length).</param>
/// <param name="Export">The layout the folder imitates: the model builder's cpu-int4 (default), fp16-logits, or legacy.</param>
/// <param name="PruneLmHead">Builder-shaped exports only: logits for the last position only, [batch, 1, vocab] (the builder's prune_lm_head).</param>
public sealed record TinyModelSpec(
    int Seed = 1,
    TinyTokenizerKind Tokenizer = TinyTokenizerKind.Bytes,
    char? PlantedAnswer = null,
    ModelKind Kind = ModelKind.Base,
    int HiddenSize = 64,
    int Layers = 2,
    int Heads = 4,
    int KvHeads = 2,
    int HeadDim = 16,
    int Intermediate = 128,
    int ContextLength = 4096,
    TinyModelExport Export = TinyModelExport.CpuInt4,
    bool PruneLmHead = false)
{
    /// <summary>The format version of tiny_model.json; a change regenerates cached models (4: unplanted models carry model.gguf).</summary>
    public const int FormatVersion = 4;

    /// <summary>
    /// The smallest Qwen3-shaped model (hidden 8, 1 layer, 2 query heads sharing 1 KV head of size 16, the least
    /// GroupQueryAttention accepts on CPU): the cheapest
    /// forward pass, for throughput benchmarks of the harness. A planted answer behaves the same at any size.
    /// </summary>
    public static TinyModelSpec Smallest(TinyModelSpec spec) =>
        spec with { HiddenSize = 8, Layers = 1, Heads = 2, KvHeads = 1, HeadDim = 16, Intermediate = 16 };

    /// <summary>Throws <see cref="ArgumentException"/> for a spec no graph can be built from.</summary>
    public void Validate()
    {
        if (PlantedAnswer is { } letter && (letter < 'A' || letter > 'D'))
        {
            throw new ArgumentException($"PlantedAnswer must be A, B, C or D, not '{letter}'.", nameof(PlantedAnswer));
        }

        if (HiddenSize <= 0 || Layers <= 0 || Heads <= 0 || KvHeads <= 0 || HeadDim <= 0 || Intermediate <= 0 || ContextLength <= 1)
        {
            throw new ArgumentException("Every size of a tiny model must be positive.");
        }

        if (Heads % KvHeads != 0)
        {
            throw new ArgumentException($"Heads ({Heads}) must be a multiple of KvHeads ({KvHeads}).");
        }

        if (PruneLmHead && Export == TinyModelExport.Legacy)
        {
            throw new ArgumentException("PruneLmHead needs a builder-shaped export (cpu-int4 or fp16-logits), not legacy.", nameof(PruneLmHead));
        }

        if (Export != TinyModelExport.Legacy && HeadDim % 16 != 0)
        {
            throw new ArgumentException($"HeadDim ({HeadDim}) must be a multiple of 16 for {Export.ToId()}: ONNX Runtime's CPU GroupQueryAttention rejects other head sizes (measured on 1.31: head_size shall be a multiple of 16).", nameof(HeadDim));
        }

        if (HeadDim % 2 != 0)
        {
            throw new ArgumentException($"HeadDim ({HeadDim}) must be even for the rotary embedding.");
        }
    }
}
