using System.Text.RegularExpressions;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// OpenCompass <c>first_option_postprocess(text, options, cushion=True)</c> at open-compass/opencompass 26d077b0
/// (opencompass/utils/text_postprocessors.py L60-125), as mmlu_gen_a484b3 calls it with <c>options='ABCD'</c> (here the question's letters, so a five-option benchmark gets A–E): the patterns are tried in order
/// (<c>re.search</c>, DOTALL); the first that matches decides, and the answer is the first of A, B, C, D (in that
/// order, not by position) contained in the whole match; no pattern: <c>''</c> (null here). The list is the
/// revision's, including its missing comma after <c>故选?\s*([ABCD])</c>, which glues it to the next pattern.
/// Think blocks are removed first when present (<see cref="ThinkBlocks.StripIfPresent"/>); the text is not trimmed.
/// </summary>
public sealed class FirstOptionExtractor : IAnswerExtractor
{
    // L65-108 with {options} as {letters}; L109-112 the cushion patterns, appended because cushion=True.
    private static readonly OptionLetterPatterns Patterns = new(
    [
        @"答案是?\s*([{letters}])",
        @"答案是?\s*：\s*([{letters}])",
        @"答案是?\s*:\s*([{letters}])",
        @"答案应该?是\s*([{letters}])",
        @"答案应该?选\s*([{letters}])",
        @"答案为\s*([{letters}])",
        @"答案选\s*([{letters}])",
        @"选择?\s*([{letters}])",
        @"故选?\s*([{letters}])" + @"只有选?项?\s?([{letters}])\s?是?对",
        @"只有选?项?\s?([{letters}])\s?是?错",
        @"只有选?项?\s?([{letters}])\s?不?正确",
        @"只有选?项?\s?([{letters}])\s?错误",
        @"说法不?对选?项?的?是\s?([{letters}])",
        @"说法不?正确选?项?的?是\s?([{letters}])",
        @"说法错误选?项?的?是\s?([{letters}])",
        @"([{letters}])\s?是正确的",
        @"([{letters}])\s?是正确答案",
        @"选项\s?([{letters}])\s?正确",
        @"所以答\s?([{letters}])",
        @"所以\s?([{letters}][.。$]?$)",
        @"所有\s?([{letters}][.。$]?$)",
        @"[\s，：:,]([{letters}])[。，,\.]?$",
        @"[\s，,：:][故即]([{letters}])[。\.]?$",
        @"[\s，,：:]因此([{letters}])[。\.]?$",
        @"[是为。]\s?([{letters}])[。\.]?$",
        @"因此\s?([{letters}])[。\.]?$",
        @"显然\s?([{letters}])[。\.]?$",
        @"答案是\s?(\S+)(?:。|$)",
        @"答案应该是\s?(\S+)(?:。|$)",
        @"答案为\s?(\S+)(?:。|$)",
        @"[Tt]he answer is:?\s+\(?([{letters}])\)?",
        @"[Tt]he answer is option:?\s+\(?([{letters}])\)?",
        @"[Tt]he correct answer is:?\s+\(?([{letters}])\)?",
        @"[Tt]he correct answer is option:?\s+\(?([{letters}])\)?",
        @"[Tt]he answer to the question is:?\s+\(?([{letters}])\)?",
        @"^选项\s?([{letters}])",
        @"^([{letters}])\s?选?项",
        @"(\s|^)[{letters}][\s。，,：:\.$]",
        @"(\s|^)[{letters}](\s|$)",
        @"1.\s?(.*?)$",
        @"1.\s?([{letters}])[.。$]?$",
        @"([{letters}]):",
        @"[{letters}]",
    ],
        RegexOptions.Singleline);

    public static FirstOptionExtractor Instance { get; } = new();

    public string Name => "opencompass-first-option@26d077b0";

    /// <summary>The patterns in the order tried for A–D (for tests and diagnostics).</summary>
    public static IReadOnlyList<string> PatternList => Patterns.TextsFor(OptionLetters.For(4));

    public char? Extract(string output, Question question)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(question);
        var text = ThinkBlocks.StripIfPresent(output);
        var letters = question.Letters;
        foreach (var pattern in Patterns.For(letters))
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                foreach (var letter in letters)
                {
                    if (match.Value.Contains(letter, StringComparison.Ordinal))
                    {
                        return letter;
                    }
                }
            }
        }

        return null;
    }
}
