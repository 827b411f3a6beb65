namespace Qwen3EvalTests.Benchmarks;

/// <summary>The answer letters of a question with a given number of options: 'A', 'B', … in option order (at most 26).</summary>
public static class OptionLetters
{
    /// <summary>The most options a question can have (A–Z).</summary>
    public const int Max = 26;

    private static readonly IReadOnlyList<char>[] ByCount =
        [.. Enumerable.Range(0, Max + 1).Select(n => (IReadOnlyList<char>)Enumerable.Range(0, n).Select(i => (char)('A' + i)).ToArray())];

    /// <summary>The first <paramref name="count"/> letters: 4 → A, B, C, D; 5 → A–E.</summary>
    public static IReadOnlyList<char> For(int count) => count is >= 0 and <= Max
        ? ByCount[count]
        : throw new ArgumentOutOfRangeException(nameof(count), count, $"a question has 0 to {Max} options.");

    /// <summary>The letters as one string, "ABCD" (for regex character classes).</summary>
    public static string Joined(IReadOnlyList<char> letters) => new([.. letters]);

    /// <summary>"A, B, C, D" — for messages.</summary>
    public static string Listed(IReadOnlyList<char> letters) => string.Join(", ", letters);
}
