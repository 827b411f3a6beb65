namespace Qwen3EvalTests.Cli.Commands;

/// <summary>What <c>qwen3eval baseline record</c> records, and with which model and data — the gate's switches as options.</summary>
/// <param name="Repository">The folder holding evalsuites/ and baselines/ (this repository, or a consumer's).</param>
/// <param name="Suite">Only this suite, or null for every suite gated on recorded runs.</param>
/// <param name="Case">Only this case (its id "suite/model/benchmark[/mode]" or its display name), or null.</param>
/// <param name="ModelsFolder">The folder holding the suites' model folders (the gate's EvalModelsDir), or null.</param>
/// <param name="DataFolder">The benchmark data of model-folder and served cases (the gate's EvalDataDir); null: the shipped sample.</param>
/// <param name="Device">cpu or cuda (the gate's EvalDevice).</param>
/// <param name="Endpoint">A served OpenAI-compatible engine (the gate's EvalEndpoint with EvalEngine=openai), or null.</param>
/// <param name="ServedModel">The served model name (the gate's EvalServedModel), or null for the server's first model.</param>
public sealed record BaselineRecordRequest(
    string Repository,
    string? Suite,
    string? Case,
    string? ModelsFolder = null,
    string? DataFolder = null,
    string Device = "cpu",
    Uri? Endpoint = null,
    string? ServedModel = null);
