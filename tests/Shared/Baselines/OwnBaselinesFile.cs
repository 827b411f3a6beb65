using System.Globalization;

namespace Qwen3EvalTests.Testing;

/// <summary>
/// A project's own baselines/official.json with one number for its own model, as a fine-tuner writes it beside the shipped
/// catalogue for <c>baseline: both</c> (source OWN1, gate: true, 5-shot, base).
/// </summary>
public static class OwnBaselinesFile
{
    /// <summary>The file's text: one baseline <c>{modelId}/{benchmark}</c> with <paramref name="score"/> ± <paramref name="tolerance"/> points.</summary>
    public static string Json(string modelId, double score, double tolerance, string model = "", string benchmark = "mmlu") => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""
        {"schemaVersion": 1, "sources": {"OWN1": {"title": "our evaluation notes", "where": "docs/eval.md"}},
         "baselines": [
           {"id": "{{{modelId}}}/{{{benchmark}}}", "model": "{{{(model.Length > 0 ? model : modelId)}}}", "modelId": "{{{modelId}}}", "kind": "base", "benchmark": "{{{benchmark}}}", "score": {{{score}}},
            "shots": 5, "protocolNote": "qwen", "splitNote": "test", "source": "OWN1", "sourceIds": ["OWN1"], "status": "V", "gate": true,
            "tolerance": {{{tolerance}}}, "toleranceNote": "ours"}]}
        """);
}
