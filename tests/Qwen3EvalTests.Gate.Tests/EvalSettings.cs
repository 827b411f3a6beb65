using System.Globalization;
using System.Reflection;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// The gate's switches, layered: MSBuild properties baked into this assembly at build time
/// (<c>dotnet test -p:EvalDevice=cuda -p:EvalModelsDir=/models -p:EvalDataDir=/data -p:EvalLimit=20</c>, or
/// <c>-p:EvalEngine=openai -p:EvalEndpoint=http://gpu-box:8000 [-p:EvalServedModel=NAME]</c> for a served engine),
/// overridden by environment variables EVAL_DEVICE, EVAL_MODELS_DIR, EVAL_DATA_DIR, EVAL_LIMIT, EVAL_ENGINE, EVAL_ENDPOINT,
/// EVAL_SERVED_MODEL.
/// </summary>
public sealed record EvalSettings(string Device, string? ModelsDir, string? DataDir, int? Limit, string RepositoryRoot)
{
    /// <summary>"genai" (in process, the default) or "openai" (a served engine at <see cref="Endpoint"/>).</summary>
    public string Engine { get; init; } = "genai";

    /// <summary>The served engine's URL (with <see cref="Engine"/> openai).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The served model name; null: the server's first model.</summary>
    public string? ServedModel { get; init; }

    /// <summary>The served engine the official cases run on, or null for GenAI in process.</summary>
    public Inference.Engines.EngineSpec? Served => Engine == "openai" && Endpoint is { } endpoint
        ? new(Inference.Engines.EngineKind.OpenAi, ModelFolder: null, endpoint, ServedModel: ServedModel)
        : null;

    public static EvalSettings Current { get; } = Load(Environment.GetEnvironmentVariable);

    public static EvalSettings Load(Func<string, string?> environment)
    {
        var baked = typeof(EvalSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        string? Setting(string property, string variable)
        {
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                value = baked.GetValueOrDefault(property);
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var limit = Setting("EvalLimit", "EVAL_LIMIT");
        var engine = (Setting("EvalEngine", "EVAL_ENGINE") ?? "genai").ToLowerInvariant();
        var endpoint = Setting("EvalEndpoint", "EVAL_ENDPOINT");
        if (engine is not ("genai" or "openai"))
        {
            throw new EvalInputException($"EvalEngine '{engine}' is not an engine the gate runs on; expected genai (default) or openai (with -p:EvalEndpoint=URL).", field: "EvalEngine");
        }

        if (engine == "openai" && (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out _)))
        {
            throw new EvalInputException($"EvalEngine=openai needs -p:EvalEndpoint=URL (or EVAL_ENDPOINT) with the server's address, e.g. http://127.0.0.1:8000; got '{endpoint}'.", field: "EvalEndpoint");
        }

        return new EvalSettings(
            (Setting("EvalDevice", "EVAL_DEVICE") ?? "cpu").ToLowerInvariant(),
            Setting("EvalModelsDir", "EVAL_MODELS_DIR"),
            Setting("EvalDataDir", "EVAL_DATA_DIR"),
            limit is null ? null : int.Parse(limit, CultureInfo.InvariantCulture),
            Assertions.RepositoryFiles.Root)
        {
            Engine = engine,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            ServedModel = Setting("EvalServedModel", "EVAL_SERVED_MODEL"),
        };
    }
}
