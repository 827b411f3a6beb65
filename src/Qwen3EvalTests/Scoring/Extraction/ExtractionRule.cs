using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>One step of an extraction ladder: a pattern and the capture group holding the letter.</summary>
/// <param name="Name">What the rule recognises, for diagnostics.</param>
/// <param name="Pattern">The regular expression.</param>
/// <param name="Group">The group whose value is the letter.</param>
public sealed record ExtractionRule(string Name, Regex Pattern, int Group = 1)
{
    public static ExtractionRule Of(string name, string pattern, int group = 1) =>
        new(name, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)), group);

    /// <summary>The letter this rule finds first in <paramref name="text"/>, or null.</summary>
    public char? Match(string text)
    {
        var match = Pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups[Group].Value;
        return value.Length == 1 ? value[0] : null;
    }
}
