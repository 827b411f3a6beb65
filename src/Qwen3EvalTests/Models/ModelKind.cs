namespace Qwen3EvalTests.Models;

/// <summary>
/// A base model gets plain completion prompts; an instruct model gets its chat template.
/// Mixing them is an error unless a suite asks for it on purpose (allowKindMismatch).
/// </summary>
public enum ModelKind
{
    Base,
    Instruct,
}
