namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// What the shipped mappings say of one subject.
/// </summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Id">The subject id as in file names ("high_school_physics").</param>
/// <param name="DisplayName">English display name (MMLU: the id with '_' → ' '; C-Eval: the mapping's English name).</param>
/// <param name="ChineseName">C-Eval and CMMLU: the Chinese subject name the Chinese prompts use; MMLU: null.</param>
/// <param name="Category">The main category (MMLU: STEM, humanities, social sciences, other).</param>
/// <param name="Subcategories">Finer groups where the mapping has them.</param>
/// <param name="IsHard">C-Eval's "Hard" group.</param>
/// <param name="IsChinaSpecific">CMMLU's China-specific flag.</param>
public sealed record SubjectInfo(
    Benchmark Benchmark,
    string Id,
    string DisplayName,
    string? ChineseName,
    string Category,
    IReadOnlyList<string> Subcategories,
    bool IsHard,
    bool IsChinaSpecific);
