using System.Text;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>Python's <c>str</c> operations where .NET's differ, for the ported extraction functions.</summary>
internal static class PythonText
{
    /// <summary><c>len(s)</c>: code points, not UTF-16 units.</summary>
    public static int Length(string s) => s.EnumerateRunes().Count();

    /// <summary><c>s.replace(old, new)</c>, including Python's empty <paramref name="old"/> (insert before every code point and at the end), which .NET refuses.</summary>
    public static string Replace(string s, string old, string replacement)
    {
        if (old.Length > 0)
        {
            return s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var text = new StringBuilder(replacement);
        foreach (var rune in s.EnumerateRunes())
        {
            text.Append(rune.ToString()).Append(replacement);
        }

        return text.ToString();
    }

    /// <summary>The options sorted as <c>sorted(choice_dict.items(), key=lambda x: len(x[1]), reverse=True)</c>: longest first, ties in letter order (Python's sort is stable).</summary>
    public static IEnumerable<(char Letter, string Text)> LongestOptionsFirst(IReadOnlyList<string> options) =>
        options.Select((text, i) => (Letter: (char)('A' + i), Text: text)).OrderByDescending(o => Length(o.Text));
}
