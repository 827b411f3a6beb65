using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// Why a suite case of a real model cannot run here (official, recorded or both), or null when it can: each reason names the path, property or device to
/// provide. The gate passes it to <c>Assert.Skip</c>: an official case skips with its reason, it never passes silently.
/// </summary>
public static class OfficialCaseRequirements
{
    /// <summary>
    /// Why an official (real-model) suite case cannot run: the models folder, the model's export, the data or the GPU is
    /// missing — or, on a served engine (<paramref name="servedModel"/> is what it serves), the server serves another model.
    /// </summary>
    public static string? Check(SuiteModel model, Benchmark benchmark, string? modelsFolder, string? dataFolder, string device, string? servedModel = null, Uri? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Generated is not null)
        {
            return null;
        }

        if (servedModel is not null)
        {
            return !model.Serves(servedModel)
                ? $"the served engine at {endpoint} serves '{servedModel}', not {model.HuggingFace ?? model.Folder}: this case runs when a server serves that model (-p:EvalEndpoint=URL)."
                : DataProblem(benchmark, dataFolder);
        }

        return ModelFolderProblem(model, modelsFolder) ?? DataProblem(benchmark, dataFolder) ?? DeviceProblem(device);
    }

    /// <summary>
    /// Why a case gated on a recorded run alone (<c>baseline: recorded</c>) cannot run: for a model folder, the models folder or the
    /// export is missing; on a served engine, the server serves another model; a generated model always runs. The data is not
    /// required: such a case runs on <c>EvalDataDir</c> when set, else on the shipped sample — as <c>qwen3eval baseline record</c> did.
    /// </summary>
    public static string? CheckRecorded(SuiteModel model, string? modelsFolder, string device, string? servedModel = null, Uri? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Generated is not null)
        {
            return null;
        }

        if (servedModel is not null)
        {
            return model.Serves(servedModel)
                ? null
                : $"the served engine at {endpoint} serves '{servedModel}', not {model.HuggingFace ?? model.Folder}: this case runs when a server serves that model (-p:EvalEndpoint=URL).";
        }

        return ModelFolderProblem(model, modelsFolder) ?? DeviceProblem(device);
    }

    private static string? ModelFolderProblem(SuiteModel model, string? modelsFolder)
    {
        if (modelsFolder is null)
        {
            return $"no models folder: set -p:EvalModelsDir=DIR (or EVAL_MODELS_DIR) to a folder holding '{model.Folder}' exported to ONNX Runtime GenAI (README: 'Running the official cases').";
        }

        var folder = Path.Combine(modelsFolder, model.Folder);
        return File.Exists(Path.Combine(folder, "genai_config.json"))
            ? null
            : $"model folder {folder} not found (no genai_config.json): export {model.HuggingFace ?? model.Id} there with the GenAI model builder (README), or point -p:EvalModelsDir at the folder that holds '{model.Folder}'.";
    }

    private static string? DeviceProblem(string device) => device == "cuda" && !CudaDevicePresent
        ? "EvalDevice=cuda but no CUDA device is visible (/dev/nvidia0 missing): run on a GPU machine, or use -p:EvalDevice=cpu."
        : null;

    private static string? DataProblem(Benchmark benchmark, string? dataFolder)
    {
        if (dataFolder is null)
        {
            return "no benchmark data: set -p:EvalDataDir=DIR (or EVAL_DATA_DIR) to the full MMLU/C-Eval/CMMLU data in the layout of data/sample; the shipped sample is too small to compare with official numbers.";
        }

        var benchmarkFolder = Path.Combine(dataFolder, benchmark.ToId());
        return Directory.Exists(benchmarkFolder)
            ? null
            : $"benchmark data {benchmarkFolder} not found: set -p:EvalDataDir=DIR to a folder holding {benchmark.ToId()}/.";
    }

    /// <summary>Whether an NVIDIA GPU is visible to this process (Linux: /dev/nvidia0; Windows: nvcuda.dll).</summary>
    public static bool CudaDevicePresent => OperatingSystem.IsWindows()
        ? File.Exists(Path.Combine(Environment.SystemDirectory, "nvcuda.dll"))
        : File.Exists("/dev/nvidia0");
}
