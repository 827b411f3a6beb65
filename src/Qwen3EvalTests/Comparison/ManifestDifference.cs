namespace Qwen3EvalTests.Comparison;

/// <summary>One field whose value differs between two run manifests.</summary>
/// <param name="Field">What differs, e.g. "protocol" or "model file model.onnx".</param>
/// <param name="Before">The value in run A.</param>
/// <param name="After">The value in run B.</param>
/// <param name="AffectsScore">Whether the field is part of the run identity (can change a score).</param>
public sealed record ManifestDifference(string Field, string Before, string After, bool AffectsScore)
{
    public override string ToString() => $"{Field} ({Before} → {After})";
}
