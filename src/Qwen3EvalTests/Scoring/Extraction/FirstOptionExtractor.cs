using System.Text.RegularExpressions;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// OpenCompass <c>first_option_postprocess(text, options='ABCD', cushion=True)</c> at open-compass/opencompass 26d077b0
/// (opencompass/utils/text_postprocessors.py L60-125), as mmlu_gen_a484b3 calls it: the patterns are tried in order
/// (<c>re.search</c>, DOTALL); the first that matches decides, and the answer is the first of A, B, C, D (in that
/// order, not by position) contained in the whole match; no pattern: <c>''</c> (null here). The list is the
/// revision's, including its missing comma after <c>故选?\s*([ABCD])</c>, which glues it to the next pattern.
/// Think blocks are removed first when present (<see cref="ThinkBlocks.StripIfPresent"/>); the text is not trimmed.
/// </summary>
public sealed class FirstOptionExtractor : IAnswerExtractor
{
    private const string Options = "ABCD";

    // L65-108 with {options} = ABCD; L109-112 the cushion patterns, appended because cushion=True.
    private static readonly string[] PatternTexts =
    [
        @"答案是?\s*([ABCD])",
        @"答案是?\s*：\s*([ABCD])",
        @"答案是?\s*:\s*([ABCD])",
        @"答案应该?是\s*([ABCD])",
        @"答案应该?选\s*([ABCD])",
        @"答案为\s*([ABCD])",
        @"答案选\s*([ABCD])",
        @"选择?\s*([ABCD])",
        @"故选?\s*([ABCD])" + @"只有选?项?\s?([ABCD])\s?是?对",
        @"只有选?项?\s?([ABCD])\s?是?错",
        @"只有选?项?\s?([ABCD])\s?不?正确",
        @"只有选?项?\s?([ABCD])\s?错误",
        @"说法不?对选?项?的?是\s?([ABCD])",
        @"说法不?正确选?项?的?是\s?([ABCD])",
        @"说法错误选?项?的?是\s?([ABCD])",
        @"([ABCD])\s?是正确的",
        @"([ABCD])\s?是正确答案",
        @"选项\s?([ABCD])\s?正确",
        @"所以答\s?([ABCD])",
        @"所以\s?([ABCD][.。$]?$)",
        @"所有\s?([ABCD][.。$]?$)",
        @"[\s，：:,]([ABCD])[。，,\.]?$",
        @"[\s，,：:][故即]([ABCD])[。\.]?$",
        @"[\s，,：:]因此([ABCD])[。\.]?$",
        @"[是为。]\s?([ABCD])[。\.]?$",
        @"因此\s?([ABCD])[。\.]?$",
        @"显然\s?([ABCD])[。\.]?$",
        @"答案是\s?(\S+)(?:。|$)",
        @"答案应该是\s?(\S+)(?:。|$)",
        @"答案为\s?(\S+)(?:。|$)",
        @"[Tt]he answer is:?\s+\(?([ABCD])\)?",
        @"[Tt]he answer is option:?\s+\(?([ABCD])\)?",
        @"[Tt]he correct answer is:?\s+\(?([ABCD])\)?",
        @"[Tt]he correct answer is option:?\s+\(?([ABCD])\)?",
        @"[Tt]he answer to the question is:?\s+\(?([ABCD])\)?",
        @"^选项\s?([ABCD])",
        @"^([ABCD])\s?选?项",
        @"(\s|^)[ABCD][\s。，,：:\.$]",
        @"(\s|^)[ABCD](\s|$)",
        @"1.\s?(.*?)$",
        @"1.\s?([ABCD])[.。$]?$",
        @"([ABCD]):",
        @"[ABCD]",
    ];

    private static readonly Regex[] Patterns = [.. PatternTexts.Select(p => new Regex(p, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];

    public static FirstOptionExtractor Instance { get; } = new();

    public string Name => "opencompass-first-option@26d077b0";

    /// <summary>The patterns in the order tried (for tests and diagnostics).</summary>
    public static IReadOnlyList<string> PatternList => PatternTexts;

    public char? Extract(string output, Question question)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = ThinkBlocks.StripIfPresent(output);
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                foreach (var letter in Options)
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
