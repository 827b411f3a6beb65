namespace Qwen3EvalTests.Results;

/// <summary>What was run: the model, the settings, and when.</summary>
/// <param name="Model">The model's name (its folder name).</param>
/// <param name="ModelFolder">The model folder.</param>
/// <param name="ModelKind">base or instruct.</param>
/// <param name="Settings">Benchmark, protocol and scoring settings.</param>
/// <param name="DataFolder">The data folder read.</param>
/// <param name="StartedUtc">When the run started (ISO 8601).</param>
/// <param name="Environment">The run manifest: versions, hardware, file hashes.</param>
/// <param name="Identity">SHA-256 (hex) over everything that can change a score (<see cref="RunIdentity"/>); null in files written before it existed.</param>
public sealed record RunHeader(
    string Model,
    string? ModelFolder,
    string ModelKind,
    RunSettings Settings,
    string DataFolder,
    string StartedUtc,
    RunEnvironment Environment,
    string? Identity = null)
{
    /// <summary>Who decided <see cref="ModelKind"/>: declared, name, config or default; null in files written before it was recorded.</summary>
    public string? ModelKindSource { get; init; }
}
