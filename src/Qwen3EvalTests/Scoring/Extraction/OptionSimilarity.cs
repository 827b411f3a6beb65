using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// Fuzzy fallback of Qwen's chat C-Eval script (which uses thefuzz's extractOne): the option whose
/// text shares the longest common subsequence with the output, relative to the option's length.
/// Null when no option shares a character or two options tie.
/// </summary>
public static class OptionSimilarity
{
    public static char? BestMatch(string text, IReadOnlyList<string> options)
    {
        var best = -1.0;
        char? letter = null;
        var tie = false;
        for (var i = 0; i < options.Count && i < Question.Letters.Count; i++)
        {
            var option = options[i].Trim();
            if (option.Length == 0)
            {
                continue;
            }

            var score = (double)CommonSubsequenceLength(text, option) / option.Length;
            if (score > best)
            {
                (best, letter, tie) = (score, Question.Letters[i], false);
            }
            else if (score == best)
            {
                tie = true;
            }
        }

        return best > 0 && !tie ? letter : null;
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
