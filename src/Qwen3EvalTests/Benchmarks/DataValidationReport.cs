namespace Qwen3EvalTests.Benchmarks;

/// <summary>What <see cref="DataFolderValidator"/> found: every problem, and how much it read.</summary>
/// <param name="DataDirectory">The folder validated.</param>
/// <param name="Benchmarks">The benchmarks present in it.</param>
/// <param name="Files">CSV files read.</param>
/// <param name="Questions">Questions that parsed.</param>
/// <param name="Problems">Every problem, in folder order; empty when the folder is valid.</param>
public sealed record DataValidationReport(
    string DataDirectory,
    IReadOnlyList<Benchmark> Benchmarks,
    int Files,
    long Questions,
    IReadOnlyList<InputProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
