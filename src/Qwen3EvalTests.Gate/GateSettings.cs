using System.Globalization;
using System.Reflection;
using Qwen3EvalTests.Inference.Engines;

namespace Qwen3EvalTests.Gate;

/// <summary>
/// The gate's switches, layered: MSBuild properties baked into the test assembly at build time
/// (<c>dotnet test -p:EvalDevice=cuda -p:EvalModelsDir=/models -p:EvalDataDir=/data -p:EvalLimit=20</c>, or
/// <c>-p:EvalEngine=openai -p:EvalEndpoint=http://gpu-box:8000 [-p:EvalServedModel=NAME]</c> for a served engine),
/// overridden by environment variables EVAL_DEVICE, EVAL_MODELS_DIR, EVAL_DATA_DIR, EVAL_LIMIT, EVAL_ENGINE, EVAL_ENDPOINT,
/// EVAL_SERVED_MODEL; and the test project's layout (<see cref="GateLayout"/>).
/// </summary>
public sealed record GateSettings(string Device, string? ModelsDir, string? DataDir, int? Limit, GateLayout Layout)
{
    /// <summary>"genai" (in process, the default) or "openai" (a served engine at <see cref="Endpoint"/>).</summary>
    public string Engine { get; init; } = "genai";

    /// <summary>The served engine's URL (with <see cref="Engine"/> openai).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The served model name; null: the server's first model.</summary>
    public string? ServedModel { get; init; }

    /// <summary>The served engine the official cases run on, or null for GenAI in process.</summary>
    public EngineSpec? Served => Engine == "openai" && Endpoint is { } endpoint
        ? new(EngineKind.OpenAi, ModelFolder: null, endpoint, ServedModel: ServedModel)
        : null;

    /// <summary>The settings of the running test assembly and environment.</summary>
    public static GateSettings Current => CurrentValue.Value;

    private static readonly Lazy<GateSettings> CurrentValue = new(() => Load(Environment.GetEnvironmentVariable));

    /// <summary>The metadata baked into the test assembly: the one that carries the gate's layout (the entry assembly under xUnit v3).</summary>
    public static IReadOnlyDictionary<string, string> TestAssemblyMetadata()
    {
        var candidates = new[] { Assembly.GetEntryAssembly() }.Concat(AppDomain.CurrentDomain.GetAssemblies());
        foreach (var assembly in candidates)
        {
            var metadata = assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
                .GroupBy(a => a.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
            if (metadata is not null && metadata.ContainsKey(GateLayout.Properties[0]))
            {
                return metadata;
            }
        }

        return new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="baked">The test assembly's metadata; null: <see cref="TestAssemblyMetadata"/>.</param>
    public static GateSettings Load(Func<string, string?> environment, IReadOnlyDictionary<string, string>? baked = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        baked ??= TestAssemblyMetadata();
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

        int? parsedLimit = null;
        if (limit is not null)
        {
            parsedLimit = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new EvalInputException($"EvalLimit expects a whole number of questions per subject, at least 1; got '{limit}'.", field: "EvalLimit");
        }

        return new GateSettings(
            (Setting("EvalDevice", "EVAL_DEVICE") ?? "cpu").ToLowerInvariant(),
            Setting("EvalModelsDir", "EVAL_MODELS_DIR"),
            Setting("EvalDataDir", "EVAL_DATA_DIR"),
            parsedLimit,
            GateLayout.From(baked))
        {
            Engine = engine,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            ServedModel = Setting("EvalServedModel", "EVAL_SERVED_MODEL"),
        };
    }
}
