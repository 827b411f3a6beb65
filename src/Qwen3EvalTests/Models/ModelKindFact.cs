namespace Qwen3EvalTests.Models;

/// <summary>What the plan validator knows of the model before it loads: its name, folder, kind and who decided the kind.</summary>
public sealed record ModelKindFact(string Name, string? Folder, ModelKind Kind, ModelKindSource Source)
{
    /// <summary>The fact an opened model states about itself.</summary>
    public static ModelKindFact Of(ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new ModelKindFact(info.Name, info.Folder, info.Kind, info.KindSource);
    }

    public string Why => Source switch
    {
        ModelKindSource.Declared => "as declared (suite kind: or run --kind)",
        ModelKindSource.Name => "by its folder name",
        ModelKindSource.Config => "because genai_config.json carries sampling defaults (do_sample: true), as instruct exports do",
        _ => "because nothing declares or names it instruct",
    };
}
