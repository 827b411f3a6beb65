namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// What one benchmark is: its id, how its data folder is laid out and read (<see cref="Format"/>, which also fixes how many
/// options — and so which letters — its questions have), its subject catalogue, and the split the reference harnesses score.
/// The prompts are not here: each protocol keeps its own table of the benchmarks it can render.
/// </summary>
/// <param name="Benchmark">The id as a value.</param>
/// <param name="Id">The command-line id and data subfolder name ("mmlu"); results, baselines and suites spell it so.</param>
/// <param name="Aliases">Other spellings the command line accepts ("c-eval").</param>
/// <param name="Format">The CSV layout.</param>
/// <param name="Subjects">The subject catalogue.</param>
/// <param name="ScoredSplit">The split scored: C-Eval's val (its test answers are withheld), the others' test.</param>
/// <param name="IsOfficial">A published benchmark that <c>qwen3eval run</c> runs by default; false for test benchmarks.</param>
public sealed record BenchmarkDefinition(
    Benchmark Benchmark,
    string Id,
    IReadOnlyList<string> Aliases,
    BenchmarkFormat Format,
    SubjectMapping Subjects,
    Split ScoredSplit,
    bool IsOfficial)
{
    /// <summary>The answer letters of its questions (A–D for four option columns).</summary>
    public IReadOnlyList<char> Letters => Format.Letters;
}
