using System.Text;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// The fuzzy fallback of Qwen's chat scripts, <c>choices[choice_list.index(process.extractOne(gen, choice_list)[0])]</c>
/// (thefuzz): always a letter — the option scoring highest, the first on a tie (A for an empty output). Both texts go
/// through thefuzz's default processing (lower case, every non-alphanumeric character a space, trimmed) and are
/// compared by fuzz.ratio (2·LCS / total length, the Indel similarity). thefuzz's default scorer is WRatio, which
/// also tries partial and token-sorted alignments: this is its main term, not all of it.
/// </summary>
public static class OptionSimilarity
{
    public static char Closest(string text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = Processed(text);
        var best = -1.0;
        var letter = 'A';
        for (var i = 0; i < options.Count && i < 4; i++)
        {
            var option = Processed(options[i]);
            var total = query.Length + option.Length;
            var score = total == 0 || query.Length == 0 ? 0 : 2.0 * CommonSubsequenceLength(query, option) / total;
            if (score > best)
            {
                (best, letter) = (score, (char)('A' + i));
            }
        }

        return letter;
    }

    // thefuzz utils.full_process / rapidfuzz default_process: non-alphanumeric → space, lower case, trimmed.
    private static string Processed(string text)
    {
        var processed = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            processed.Append(Rune.IsLetterOrDigit(rune) ? Rune.ToLowerInvariant(rune).ToString() : " ");
        }

        return processed.ToString().Trim();
    }

    private static int CommonSubsequenceLength(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
