using System.Text.Json;

namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// The subject → category mappings shipped with the library (copied from the benchmarks' own
/// repositories; see Mappings/; each <see cref="BenchmarkDefinition.Subjects"/> names its file and shape): display names, Chinese names, categories, C-Eval's "hard" group
/// and CMMLU's China-specific flag.
/// </summary>
public static class SubjectCatalog
{
    /// <summary>C-Eval's "Hard" group (Huang et al. 2023).</summary>
    public static IReadOnlySet<string> CevalHardSubjects { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "advanced_mathematics", "discrete_mathematics", "probability_and_statistics", "college_physics",
        "college_chemistry", "high_school_mathematics", "high_school_physics", "high_school_chemistry",
    };

    private static readonly Lazy<IReadOnlyDictionary<Benchmark, IReadOnlyDictionary<string, SubjectInfo>>> Subjects = new(Load);

    public static IReadOnlyList<SubjectInfo> For(Benchmark benchmark) =>
        Subjects.Value[benchmark].Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public static bool TryGet(Benchmark benchmark, string subjectId, out SubjectInfo subject) =>
        Subjects.Value[benchmark].TryGetValue(subjectId, out subject!);

    public static SubjectInfo Get(Benchmark benchmark, string subjectId)
    {
        if (TryGet(benchmark, subjectId, out var subject))
        {
            return subject;
        }

        var known = For(benchmark).Select(s => s.Id).ToList();
        var close = known.Where(id => id.Contains(subjectId, StringComparison.OrdinalIgnoreCase) || subjectId.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        var suggestions = close.Count > 0 ? close : known.Take(5).ToList();
        throw new EvalInputException(
            $"unknown {benchmark.ToId()} subject '{subjectId}': expected one of the {known.Count} subjects of its mapping, e.g. {string.Join(", ", suggestions)}.",
            field: "subject");
    }

    // Each definition's embedded mapping, read in its shape.
    private static IReadOnlyDictionary<Benchmark, IReadOnlyDictionary<string, SubjectInfo>> Load() => BenchmarkDefinitions.All.ToDictionary(
        d => d.Benchmark,
        d => Parse(d.Subjects.Resource, d.Subjects.Shape switch
        {
            SubjectMappingShape.Mmlu => (id, value) => MmluSubject(d.Benchmark, id, value),
            SubjectMappingShape.Ceval => (id, value) => CevalSubject(d.Benchmark, id, value),
            SubjectMappingShape.Cmmlu => (id, value) => CmmluSubject(d.Benchmark, id, value),
            _ => throw new ArgumentOutOfRangeException(nameof(d), d.Subjects.Shape, null),
        }));

    private static IReadOnlyDictionary<string, SubjectInfo> Parse(string resource, Func<string, JsonElement, SubjectInfo> map)
    {
        var name = $"Qwen3EvalTests.Mappings.{resource}";
        using var stream = typeof(SubjectCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded mapping {name} is missing from the build");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => map(p.Name, p.Value), StringComparer.Ordinal);
    }

    // {"abstract_algebra": {"subcategory": "math", "category": "STEM"}}; categories as in hendrycks/test categories.py.
    private static SubjectInfo MmluSubject(Benchmark benchmark, string id, JsonElement value) => new(
        benchmark,
        id,
        id.Replace('_', ' '),
        null,
        MmluCategory(value.GetProperty("category").GetString()!),
        [value.GetProperty("subcategory").GetString()!],
        IsHard: false,
        IsChinaSpecific: false);

    private static string MmluCategory(string raw) => raw switch
    {
        _ when raw.StartsWith("other", StringComparison.OrdinalIgnoreCase) => "other",
        _ when raw.StartsWith("social", StringComparison.OrdinalIgnoreCase) => "social sciences",
        _ when raw.StartsWith("humanities", StringComparison.OrdinalIgnoreCase) => "humanities",
        _ => raw,
    };

    // {"computer_network": ["Computer Network", "计算机网络", "STEM"]}
    private static SubjectInfo CevalSubject(Benchmark benchmark, string id, JsonElement value) => new(
        benchmark,
        id,
        value[0].GetString()!,
        value[1].GetString()!,
        value[2].GetString()!,
        [],
        CevalHardSubjects.Contains(id),
        IsChinaSpecific: false);

    // {"agronomy": {"zh": "农学", "subcategories": ["other"], "category": "Other", "china_specific": false}}
    private static SubjectInfo CmmluSubject(Benchmark benchmark, string id, JsonElement value) => new(
        benchmark,
        id,
        id.Replace('_', ' '),
        value.GetProperty("zh").GetString()!,
        value.GetProperty("category").GetString()!,
        value.GetProperty("subcategories").EnumerateArray().Select(e => e.GetString()!).ToList(),
        IsHard: false,
        value.GetProperty("china_specific").GetBoolean());
}
