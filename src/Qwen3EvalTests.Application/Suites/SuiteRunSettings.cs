using Qwen3EvalTests.Inference.Engines;

namespace Qwen3EvalTests.Application.Suites;

/// <summary>Where a suite case finds its model and data, and where it writes.</summary>
/// <param name="ModelsFolder">Folder holding exported model folders (one per suite model's `folder`); null: none given.</param>
/// <param name="DataFolder">Full benchmark data (layout of data/sample) for official cases; null: none given.</param>
/// <param name="SampleFolder">The shipped sample, which generated tiny models are evaluated on.</param>
/// <param name="TinyModelsFolder">Where generated tiny models are cached.</param>
/// <param name="OutputFolder">Where results JSON is written.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="Limit">Questions per subject for official cases (smoke runs); null: all. Cases with a recorded run keep the suite's limit.</param>
/// <param name="Served">Run official cases on this served OpenAI-compatible engine (an openai <see cref="EngineSpec"/> (vLLM, SGLang, llama-server) instead of
/// in process: no model folder is needed, the server tokenizes and renders chat templates; null: ONNX Runtime GenAI on the
/// models folder. Generated models always run in process (their recordings are GenAI's).</param>
public sealed record SuiteRunSettings(
    string? ModelsFolder,
    string? DataFolder,
    string SampleFolder,
    string TinyModelsFolder,
    string OutputFolder,
    string Device = "cpu",
    int? Limit = null,
    EngineSpec? Served = null);
