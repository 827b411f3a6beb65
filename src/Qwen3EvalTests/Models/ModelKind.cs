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

/// <summary>Who decided a model's kind: a declaration beats every heuristic.</summary>
public enum ModelKindSource
{
    /// <summary>Declared by the user: the suite's <c>kind:</c> or <c>run --kind</c>.</summary>
    Declared,

    /// <summary>The folder's name says it ("…-Instruct", "…-Chat", "…-Base").</summary>
    Name,

    /// <summary>genai_config.json carries sampling defaults (<c>do_sample: true</c>), which exports copy from an instruct model's generation_config.json.</summary>
    Config,

    /// <summary>Nothing said instruct: base. A chat template alone never decides — Qwen2.5 and Qwen3 base checkpoints ship one.</summary>
    Default,
}

/// <summary>The ids of <see cref="ModelKind"/> and <see cref="ModelKindSource"/>, and the one rule that infers an undeclared kind.</summary>
public static class ModelKinds
{
    public static string ToId(this ModelKind kind) => kind == ModelKind.Instruct ? "instruct" : "base";

    public static string ToId(this ModelKindSource source) => source.ToString().ToLowerInvariant();

    public static bool TryParse(string? id, out ModelKind kind)
    {
        switch (id?.Trim().ToLowerInvariant())
        {
            case "base":
                kind = ModelKind.Base;
                return true;
            case "instruct":
                kind = ModelKind.Instruct;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <exception cref="EvalInputException">Not "base" or "instruct".</exception>
    public static ModelKind Parse(string id, string field) => TryParse(id, out var kind)
        ? kind
        : throw new EvalInputException($"'{id}' is not a model kind; expected base or instruct.", field: field);

    /// <summary>
    /// The kind of a model folder: <paramref name="declared"/> when given; else the name ("instruct"/"chat" → instruct,
    /// "base" → base); else <paramref name="configSamples"/> (sampling defaults in genai_config.json → instruct); else base.
    /// </summary>
    public static (ModelKind Kind, ModelKindSource Source) Resolve(ModelKind? declared, string folderName, bool configSamples)
    {
        if (declared is { } kind)
        {
            return (kind, ModelKindSource.Declared);
        }

        var name = folderName.ToLowerInvariant();
        if (name.Contains("instruct", StringComparison.Ordinal) || name.Contains("chat", StringComparison.Ordinal))
        {
            return (ModelKind.Instruct, ModelKindSource.Name);
        }

        if (name.Contains("base", StringComparison.Ordinal))
        {
            return (ModelKind.Base, ModelKindSource.Name);
        }

        return configSamples ? (ModelKind.Instruct, ModelKindSource.Config) : (ModelKind.Base, ModelKindSource.Default);
    }
}
