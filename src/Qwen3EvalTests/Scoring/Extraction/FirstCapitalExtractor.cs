using System.Text;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// OpenCompass <c>first_capital_postprocess</c> (opencompass/utils/text_postprocessors.py L45-49 at 26d077b0), the
/// extractor of ceval_gen_5f30c7 and cmmlu_gen_c13365: the first upper-case character of the output, whatever it
/// is (<c>"The answer is B"</c> → <c>T</c>, counted wrong); none: <c>''</c> (null here). Upper case is Unicode category
/// Lu (Python's <c>isupper</c> also counts the few Other_Uppercase symbols such as Ⓐ); an astral capital is
/// recorded as U+FFFD. Think blocks are removed first when present.
/// </summary>
public sealed class FirstCapitalExtractor : IAnswerExtractor
{
    public static FirstCapitalExtractor Instance { get; } = new();

    public string Name => "opencompass-first-capital";

    public char? Extract(string output, Question question)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var rune in ThinkBlocks.StripIfPresent(output).EnumerateRunes())
        {
            if (Rune.IsUpper(rune))
            {
                return rune.IsBmp ? (char)rune.Value : '\uFFFD';
            }
        }

        return null;
    }
}
