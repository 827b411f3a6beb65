using System.Text.RegularExpressions;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// QwenLM/Qwen eval/evaluate_chat_ceval.py (2df8e8ac) <c>extract_answer</c>, L37-99: <c>process_before_extraction</c>
/// (the last <c>。</c>-sentence of the question, split on <c>_</c>: a first part longer than 4 characters becomes
/// <c>答案是</c>, a last part longer than 4 is removed; then each option text, <c>rstrip("。")</c>, longest first, is
/// replaced by its letter — all plain <c>str.replace</c>), then four regexes in order (upstream spells the letters A–D; here the question's letters), then the fuzzy match, which
/// always yields a letter (thefuzz 0.22.1 <c>process.extractOne</c> with rapidfuzz WRatio, see <see cref="OptionSimilarity"/>). Never null. Also applied to CMMLU (no upstream script).
/// </summary>
public sealed class QwenChatCevalExtractor : IAnswerExtractor
{
    private static readonly OptionLetterPatterns Rules = new(
    [
        // 答案是A | 选项是A | 应该选A选项
        @"(?:(?:选|选择|选定)[：:]?\s*|(?:(?:答案|选项)(?![^{letters}]{0,10}?(?:不|非)[^{letters}]{0,10}?(?:是|选|为|：|:|】))[^{letters}]{0,10}?(?:是|选|为|：|:|】))[^{letters}]{0,10}?)({alternatives})(?:选项)?(?:\)|。|\.|，|,|．|、|{alternatives}|$|：|:|\)|）)",

        // A选项正确 | A选项符合题意
        @"({alternatives})(?:选?项)?(?![^{letters}]{0,4}?(?:不|非)[^{letters}]{0,4}?(?:正确|对[的，。：]|符合))[^{letters}]{0,4}?(?:正确|对[的，。：]|符合)",

        // 直接输出 A
        @"^[\(（]?({alternatives})(?:。|\)|）|\.|，|,|．|：|:|$)",

        // 获取第一个出现的字母
        @"(?<![a-zA-Z])({alternatives})(?![a-zA-Z=])",
    ],
        RegexOptions.None);

    public static QwenChatCevalExtractor Instance { get; } = new();

    /// <summary>The function and the fuzzy scorer it falls back to: a run records it (<c>extractor</c> in the results).</summary>
    public string Name => "qwen-chat-ceval+" + OptionSimilarity.ScorerId;

    public char? Extract(string output, Question question)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(question);
        var gen = Preprocessed(ThinkBlocks.StripIfPresent(output), question);
        foreach (var rule in Rules.For(question.Letters))
        {
            var match = rule.Match(gen);
            if (match.Success)
            {
                return match.Groups[1].Value[0];
            }
        }

        return OptionSimilarity.Closest(gen, question.Options);
    }

    /// <summary><c>process_before_extraction(gen, question, choice_dict)</c>, L37-60.</summary>
    public static string Preprocessed(string gen, Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var split = question.Text.TrimEnd('。').Split('。')[^1].Split('_');
        if (PythonText.Length(split[0].Trim()) > 4)
        {
            gen = PythonText.Replace(gen, split[0], "答案是");
        }

        if (PythonText.Length(split[^1].Trim()) > 4)
        {
            gen = PythonText.Replace(gen, split[^1], string.Empty);
        }

        foreach (var (letter, text) in PythonText.LongestOptionsFirst(question.Options))
        {
            gen = PythonText.Replace(gen, text.TrimEnd('。'), letter.ToString());
        }

        return gen;
    }
}
