using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Evaluation;

/// <summary>What the plan validator knows of the model before it loads: its name, folder, kind and who decided the kind.</summary>
public sealed record ModelKindFact(string Name, string? Folder, ModelKind Kind, ModelKindSource Source)
{
    public string Why => Source switch
    {
        ModelKindSource.Declared => "as declared (suite kind: or run --kind)",
        ModelKindSource.Name => "by its folder name",
        ModelKindSource.Config => "because genai_config.json carries sampling defaults (do_sample: true), as instruct exports do",
        _ => "because nothing declares or names it instruct",
    };
}
