namespace Qwen3EvalTests.Models;

/// <summary>What a loaded model is.</summary>
/// <param name="Name">A short name (the folder name for a model folder).</param>
/// <param name="Folder">The model folder, or null for a model not loaded from disk.</param>
/// <param name="Kind">Base or instruct: declared, or inferred by <see cref="ModelKinds.Resolve"/>.</param>
/// <param name="ContextLength">The most tokens one sequence may hold.</param>
/// <param name="VocabSize">The logits' last dimension.</param>
/// <param name="HasChatTemplate">Whether the folder carries a chat template (base checkpoints may: it does not decide the kind).</param>
/// <param name="ExecutionProvider">"cpu" or "cuda".</param>
/// <param name="KindSource">Who decided <see cref="Kind"/>.</param>
public sealed record ModelInfo(
    string Name,
    string? Folder,
    ModelKind Kind,
    int ContextLength,
    int VocabSize,
    bool HasChatTemplate,
    string ExecutionProvider,
    ModelKindSource KindSource = ModelKindSource.Default);
