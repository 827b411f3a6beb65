namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// The registry of benchmarks. Adding one: a <see cref="Benchmark"/> member, its definition here, its subject mapping in
/// Benchmarks/Mappings/, its data, and an entry in the table of each protocol that can render it (the others refuse it).
/// </summary>
public static class BenchmarkDefinitions
{
    /// <summary>MMLU (Hendrycks et al.): headerless question,A,B,C,D,answer; test scored.</summary>
    public static BenchmarkDefinition Mmlu { get; } = new(
        Benchmark.Mmlu, "mmlu", [], BenchmarkFormat.Mmlu, new SubjectMapping("mmlu_subject_to_category.json", SubjectMappingShape.Mmlu), Split.Test, IsOfficial: true);

    /// <summary>C-Eval: val scored (test answers withheld by the authors).</summary>
    public static BenchmarkDefinition Ceval { get; } = new(
        Benchmark.Ceval, "ceval", ["c-eval"], BenchmarkFormat.Ceval, new SubjectMapping("ceval_subject_mapping.json", SubjectMappingShape.Ceval), Split.Val, IsOfficial: true);

    /// <summary>CMMLU: test scored.</summary>
    public static BenchmarkDefinition Cmmlu { get; } = new(
        Benchmark.Cmmlu, "cmmlu", [], BenchmarkFormat.Cmmlu, new SubjectMapping("cmmlu_subject_to_category.json", SubjectMappingShape.Cmmlu), Split.Test, IsOfficial: true);

    /// <summary>
    /// "mmlu5-fixture": a test benchmark in MMLU's headerless CSV shape with five options, question,A,B,C,D,E,answer;
    /// dev and test splits; a few hand-written rows shipped in data/sample/mmlu5-fixture. Proves the option count comes from the data.
    /// </summary>
    public static BenchmarkDefinition Mmlu5Fixture { get; } = new(
        Benchmark.Mmlu5Fixture,
        "mmlu5-fixture",
        [],
        BenchmarkFormat.Mmlu with
        {
            Benchmark = Benchmark.Mmlu5Fixture,
            Splits = [Split.Dev, Split.Test],
            AnswerColumn = new Dictionary<Split, int> { [Split.Dev] = 6, [Split.Test] = 6 },
            OptionCount = 5,
        },
        new SubjectMapping("mmlu5_fixture_subject_to_category.json", SubjectMappingShape.Mmlu),
        Split.Test,
        IsOfficial: false);

    /// <summary>Every benchmark, official first.</summary>
    public static IReadOnlyList<BenchmarkDefinition> All { get; } = [Mmlu, Ceval, Cmmlu, Mmlu5Fixture];

    /// <summary>The published benchmarks (mmlu, ceval, cmmlu): what <c>qwen3eval run</c> runs without --benchmark.</summary>
    public static IReadOnlyList<BenchmarkDefinition> Official { get; } = [.. All.Where(d => d.IsOfficial)];

    /// <summary>Every command-line id, for messages.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(d => d.Id)];

    /// <summary>The definition of <paramref name="benchmark"/>.</summary>
    public static BenchmarkDefinition Get(Benchmark benchmark) =>
        All.FirstOrDefault(d => d.Benchmark == benchmark) ?? throw new ArgumentOutOfRangeException(nameof(benchmark), benchmark, "no definition in BenchmarkDefinitions.All");

    /// <summary>The definition whose id or alias is <paramref name="id"/> (trimmed, case-insensitive).</summary>
    public static bool TryGet(string? id, out BenchmarkDefinition definition)
    {
        var key = id?.Trim();
        definition = All.FirstOrDefault(d => string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase)
            || d.Aliases.Contains(key ?? string.Empty, StringComparer.OrdinalIgnoreCase))!;
        return definition is not null;
    }
}
