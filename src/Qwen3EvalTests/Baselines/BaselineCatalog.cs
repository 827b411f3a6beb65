using System.Text.Json;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Baselines;

/// <summary>
/// The published baselines, loaded from baselines/official.json and validated as a whole:
/// every problem in the file is reported together in one <see cref="EvalInputException"/>.
/// </summary>
public sealed partial class BaselineCatalog
{
    /// <summary>The schema version this code reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The file's path relative to the repository root.</summary>
    public const string RelativePath = RepositoryLayout.OfficialBaselines;

    private BaselineCatalog(string file, IReadOnlyDictionary<string, BaselineSource> sources, IReadOnlyList<Baseline> all)
    {
        File = file;
        Sources = sources;
        All = all;
        Gate = [.. all.Where(b => b.Gate)];
    }

    /// <summary>The file the catalog was read from.</summary>
    public string File { get; }

    public IReadOnlyDictionary<string, BaselineSource> Sources { get; }

    /// <summary>Every entry, including re-reports and third-party numbers.</summary>
    public IReadOnlyList<Baseline> All { get; }

    /// <summary>The entries tests assert against.</summary>
    public IReadOnlyList<Baseline> Gate { get; }

    /// <summary>Reads and validates a baselines file.</summary>
    public static BaselineCatalog Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new EvalInputException("baselines file not found; expected the JSON file shipped in baselines/official.json.", path);
        }

        return Parse(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>Validates baselines JSON text; <paramref name="file"/> names it in messages.</summary>
    public static BaselineCatalog Parse(string json, string file)
    {
        BaselineFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, BaselineJsonContext.Default.BaselineFileDto);
        }
        catch (JsonException e)
        {
            throw new EvalInputException($"not valid baselines JSON: {e.Message}", file, e.LineNumber + 1, e.Path, e);
        }

        var problems = new InputProblemList(file);
        if (dto is null)
        {
            problems.Add("$", "the file is empty or null; expected an object with schemaVersion, sources and baselines.");
            problems.ThrowIfAny("the baselines file");
        }

        var (sources, baselines) = Validate(dto!, problems);
        problems.ThrowIfAny("the baselines file");
        return new BaselineCatalog(file, sources, baselines);
    }

    /// <summary>
    /// The gate entry for a model and benchmark (and mode, for hybrid-thinking models), or null.
    /// Re-reports and third-party numbers are never returned here; use <see cref="FindAll"/>.
    /// </summary>
    public Baseline? Find(string modelId, Benchmark benchmark, string? mode = null) =>
        Gate.FirstOrDefault(b => Matches(b, modelId, benchmark, mode));

    /// <summary>Every entry for a model and benchmark (and mode): the gate number, re-reports, third-party numbers.</summary>
    public IReadOnlyList<Baseline> FindAll(string modelId, Benchmark benchmark, string? mode = null) =>
        [.. All.Where(b => Matches(b, modelId, benchmark, mode))];

    /// <summary>The entry with this id, or null.</summary>
    public Baseline? FindById(string id) => All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));

    /// <summary>The gate entries whose model id starts with a family prefix such as "qwen2-", "qwen2.5-" or "qwen3-".</summary>
    public IReadOnlyList<Baseline> GateForFamily(string family) =>
        [.. Gate.Where(b => b.ModelId.StartsWith(family + "-", StringComparison.Ordinal))];

    private static bool Matches(Baseline b, string modelId, Benchmark benchmark, string? mode) =>
        string.Equals(b.ModelId, modelId, StringComparison.Ordinal)
        && b.Benchmark == benchmark
        && string.Equals(b.Mode, mode, StringComparison.Ordinal);
}
