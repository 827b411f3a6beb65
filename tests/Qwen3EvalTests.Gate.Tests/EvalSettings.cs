using System.Globalization;
using System.Reflection;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// The gate's switches, layered: MSBuild properties baked into this assembly at build time
/// (<c>dotnet test -p:EvalDevice=cuda -p:EvalModelsDir=/models -p:EvalDataDir=/data -p:EvalLimit=20</c>),
/// overridden by environment variables EVAL_DEVICE, EVAL_MODELS_DIR, EVAL_DATA_DIR, EVAL_LIMIT.
/// </summary>
public sealed record EvalSettings(string Device, string? ModelsDir, string? DataDir, int? Limit, string RepositoryRoot)
{
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
        return new EvalSettings(
            (Setting("EvalDevice", "EVAL_DEVICE") ?? "cpu").ToLowerInvariant(),
            Setting("EvalModelsDir", "EVAL_MODELS_DIR"),
            Setting("EvalDataDir", "EVAL_DATA_DIR"),
            limit is null ? null : int.Parse(limit, CultureInfo.InvariantCulture),
            Assertions.RepositoryFiles.Root);
    }
}
