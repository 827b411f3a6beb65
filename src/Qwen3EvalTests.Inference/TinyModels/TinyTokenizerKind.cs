namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>Which tokenizer a generated tiny model carries.</summary>
public enum TinyTokenizerKind
{
    /// <summary>A byte-level BPE tokenizer with the 256 byte symbols, no merges, and ChatML special tokens.</summary>
    Bytes,

    /// <summary>The real Qwen3 tokenizer (151,669 tokens, vocab_size 151,936), embedded in this assembly.</summary>
    Qwen3,
}
