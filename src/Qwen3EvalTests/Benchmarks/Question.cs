namespace Qwen3EvalTests.Benchmarks;

/// <summary>
/// One multiple-choice question exactly as its CSV row holds it (no trimming, no normalisation).
/// </summary>
/// <param name="Benchmark">The benchmark it belongs to.</param>
/// <param name="Subject">The subject id as in the file name, e.g. "abstract_algebra".</param>
/// <param name="Split">The split it was read from.</param>
/// <param name="Index">0-based position within the subject's split file.</param>
/// <param name="Text">The question text.</param>
/// <param name="Options">The options in letter order, as many as the benchmark's data has columns for (four in MMLU, C-Eval, CMMLU).</param>
/// <param name="Answer">One of <see cref="Letters"/>, or null where the split has no answers (C-Eval test).</param>
/// <param name="Explanation">C-Eval dev's explanation column, else null.</param>
/// <param name="Source">Where the row was read.</param>
public sealed record Question(
    Benchmark Benchmark,
    string Subject,
    Split Split,
    int Index,
    string Text,
    IReadOnlyList<string> Options,
    char? Answer,
    string? Explanation,
    SourceLocation Source)
{
    /// <summary>The answer letters of this question's options, in option order: A, B, C, D for four options, A–E for five.</summary>
    public IReadOnlyList<char> Letters => OptionLetters.For(Options.Count);
}
