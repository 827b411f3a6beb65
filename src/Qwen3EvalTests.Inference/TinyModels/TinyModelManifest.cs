namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>tiny_model.json: the spec a folder was generated from, with a format version.</summary>
public sealed record TinyModelManifest(int FormatVersion, TinyModelSpec Spec)
{
    public const string FileName = "tiny_model.json";
}
