using System.Globalization;
using System.Text;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// thefuzz 0.22.1's processing of <c>process.extractOne(query, choices)</c> with its defaults, as code points (Python's
/// <c>len</c> and indexing): each choice is <c>utils.full_process(choice, force_ascii=True)</c>; the query is
/// <c>full_process(query)</c> (thefuzz's <c>_preprocess_query</c>, process.py L70-77) and then the same
/// <c>full_process(…, force_ascii=True)</c> again, because rapidfuzz's extractOne applies the processor that
/// <c>_get_processor</c> (L15-36) hands it to the query too (fixed only after 0.22.1, thefuzz 28d5197, 2025-03, unreleased).
/// <c>force_ascii</c> is <c>utils.ascii_only</c>: it deletes U+0080–U+00FF only, so Chinese text is kept.
/// </summary>
internal static class ThefuzzProcessing
{
    public static int[] Query(string text) => DefaultProcess(AsciiOnly(DefaultProcess(CodePoints(text))));

    public static int[] Choice(string text) => DefaultProcess(AsciiOnly(CodePoints(text)));

    /// <summary>
    /// rapidfuzz <c>utils.default_process</c> as its compiled form runs it (RapidFuzz v3.9.3 src/rapidfuzz/utils.hpp
    /// L31-70, utils.cpp L55-74): a code point Python's <c>str.isalnum</c> accepts (letter or number) becomes its simple
    /// lower case, any other one a space; leading and trailing spaces are trimmed. (The pure-Python fallback,
    /// utils_py.py, uses <c>\W</c> and so keeps <c>_</c>; the compiled wheels that pip installs do not.)
    /// </summary>
    public static int[] DefaultProcess(ReadOnlySpan<int> text)
    {
        var mapped = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var rune = new Rune(text[i]);
            mapped[i] = IsAlphanumeric(rune) ? Rune.ToLowerInvariant(rune).Value : ' ';
        }

        var start = 0;
        var end = mapped.Length;
        while (end > 0 && mapped[end - 1] == ' ')
        {
            end--;
        }

        while (start < end && mapped[start] == ' ')
        {
            start++;
        }

        return mapped[start..end];
    }

    /// <summary>thefuzz utils.py L3-7: <c>translation_table = {i: None for i in range(128, 256)}</c>.</summary>
    public static int[] AsciiOnly(ReadOnlySpan<int> text)
    {
        var kept = new List<int>(text.Length);
        foreach (var c in text)
        {
            if (c is < 128 or > 255)
            {
                kept.Add(c);
            }
        }

        return [.. kept];
    }

    public static int[] CodePoints(string text) => [.. text.EnumerateRunes().Select(r => r.Value)];

    public static string Text(ReadOnlySpan<int> codePoints)
    {
        var text = new StringBuilder(codePoints.Length);
        foreach (var c in codePoints)
        {
            text.Append(new Rune(c).ToString());
        }

        return text.ToString();
    }

    // Python's isalnum: isalpha (Lu, Ll, Lt, Lm, Lo) or isdecimal/isdigit/isnumeric (Nd, Nl, No).
    private static bool IsAlphanumeric(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
