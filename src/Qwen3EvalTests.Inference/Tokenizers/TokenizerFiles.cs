namespace Qwen3EvalTests.Inference.Tokenizers;

/// <summary>The two tokenizer files GenAI needs in a model folder, plus the ids the model config names.</summary>
/// <param name="TokenizerJson">tokenizer.json (Hugging Face format).</param>
/// <param name="TokenizerConfigJson">tokenizer_config.json.</param>
/// <param name="EosTokenIds">End-of-sequence ids (the first is the primary one).</param>
/// <param name="BosTokenId">The beginning-of-text id.</param>
/// <param name="MinimumVocabSize">The model's vocabulary must be at least this large.</param>
/// <param name="LetterTokenIds">Token ids of each answer letter A..D in every form the protocols score ("A", " A").</param>
public sealed record TokenizerFiles(
    byte[] TokenizerJson,
    byte[] TokenizerConfigJson,
    IReadOnlyList<int> EosTokenIds,
    int BosTokenId,
    int MinimumVocabSize,
    IReadOnlyDictionary<char, IReadOnlyList<int>> LetterTokenIds);
