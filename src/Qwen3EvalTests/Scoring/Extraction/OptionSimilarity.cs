namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// The fuzzy fallback of Qwen's chat scripts, <c>choices[choice_list.index(process.extractOne(gen, choice_list)[0])]</c>
/// (QwenLM/Qwen 2df8e8ac eval/evaluate_chat_ceval.py L91, evaluate_chat_mmlu.py L85; <c>choice_list</c> is the four
/// raw option texts): always a letter. extractOne with its defaults, as thefuzz 0.22.1 runs it (process.py L235-276)
/// over rapidfuzz 3.x (<c>process.extractOne</c>, process_py.py / process_cpp_impl.pyx at RapidFuzz v3.9.3):
/// <see cref="ThefuzzProcessing"/> on the query and each option, <see cref="WeightedRatio"/> (WRatio) as the scorer,
/// the first option whose unrounded score is strictly higher than every earlier one wins (the first on a tie, A when
/// every score is 0, e.g. an empty output; a score of 100 stops the search), and the reported score is
/// <c>int(round(score))</c> (half to even).
/// <para>
/// Which thefuzz: the scripts say only <c>pip install thefuzz</c> (no pin in QwenLM/Qwen: not in requirements.txt,
/// eval/EVALUATION.md L16/L33). thefuzz 0.19.0 (tag 2021-09-08, difflib/python-Levenshtein WRatio) was the release
/// until 0.20.0 (tag 2023-08-18, rapidfuzz); 0.20.1 (2023-09-21) added the force_ascii processing ported here and
/// 0.22.1 (2023-10-30) is the last release. The scripts date from 2023-08-03 (first commit, Qwen-7B-Chat) to
/// 2023-12-06, and the numbers this harness reproduces with them are Qwen2's (the maintainers pointed to
/// evaluate_chat_ceval.py on 2024-06-25, QwenLM/Qwen3 #700): an install then got thefuzz 0.22.1 on rapidfuzz 3.x.
/// Only Qwen-7B-Chat's first numbers (August 2023) can have used 0.19.0; that scorer is not ported.
/// </para>
/// </summary>
public static class OptionSimilarity
{
    /// <summary>The fuzzy scorer, as the Qwen extractors' ids record it.</summary>
    public const string ScorerId = "thefuzz-0.22.1-wratio";

    public static char Closest(string text, IReadOnlyList<string> options) => Match(text, options).Letter;

    public static FuzzyOptionMatch Match(string text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var query = ThefuzzProcessing.Query(text);
        var best = new FuzzyOptionMatch(0, 0);
        for (var i = 0; i < options.Count && i < 4; i++)
        {
            var score = WeightedRatio.Of(query, ThefuzzProcessing.Choice(options[i]));
            if (i == 0 || score > best.Score)
            {
                best = new FuzzyOptionMatch(i, score);
            }

            if (score == 100)
            {
                break;
            }
        }

        return best;
    }
}

/// <summary>The option extractOne picked: its index, its unrounded WRatio and the score thefuzz returns.</summary>
public sealed record FuzzyOptionMatch(int Index, double Score)
{
    public char Letter => (char)('A' + Index);

    /// <summary>thefuzz's <c>int(round(score))</c>: Python rounds half to even.</summary>
    public int RoundedScore => (int)Math.Round(Score, MidpointRounding.ToEven);
}
