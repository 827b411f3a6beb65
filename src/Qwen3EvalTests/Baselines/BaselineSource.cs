namespace Qwen3EvalTests.Baselines;

/// <summary>A document a baseline number was read in.</summary>
/// <param name="Id">Short id used by entries, e.g. "S1".</param>
/// <param name="Title">What the document is.</param>
/// <param name="Where">Where exactly it was read (repository, path, commit, transcription).</param>
public sealed record BaselineSource(string Id, string Title, string Where);
