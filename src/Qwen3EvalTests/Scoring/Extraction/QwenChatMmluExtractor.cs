using System.Text.RegularExpressions;
using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>
/// QwenLM/Qwen eval/evaluate_chat_mmlu.py (2df8e8ac) <c>extract_answer</c>, L53-93: <c>process_before_extraction</c>
/// (each option text, <c>rstrip(".")</c>, longest first, replaced by its letter, case-insensitive, as
/// <c>re.sub(re.escape(val), key, gen, IGNORECASE)</c>), then four English regexes in order (upstream spells the letters A–D; here the question's letters), then the fuzzy match,
/// which always yields a letter (thefuzz 0.22.1 <c>process.extractOne</c> with rapidfuzz WRatio, see <see cref="OptionSimilarity"/>). Never null.
/// </summary>
public sealed class QwenChatMmluExtractor : IAnswerExtractor
{
    private static readonly OptionLetterPatterns Rules = new(
    [
        // answer is A | choice is A | choose A
        @"(?:(?:[Cc]hoose)|(?:(?:[Aa]nswer|[Cc]hoice)(?![^{letters}]{0,20}?(?:n't|not))[^{letters}]{0,10}?\b(?:|is|:|be))\b)[^{letters}]{0,20}?\b({alternatives})\b",

        // A is correct | A is right
        @"\b({alternatives})\b(?![^{letters}]{0,8}?(?:n't|not)[^{letters}]{0,5}?(?:correct|right))[^{letters}]{0,10}?\b(?:correct|right)\b",

        // straight answer: A
        @"^({alternatives})(?:\.|,|:|$)",

        // simply extract the first appearred letter
        @"(?<![a-zA-Z])({alternatives})(?![a-zA-Z=])",
    ],
        RegexOptions.None);

    public static QwenChatMmluExtractor Instance { get; } = new();

    /// <summary>The function and the fuzzy scorer it falls back to: a run records it (<c>extractor</c> in the results).</summary>
    public string Name => "qwen-chat-mmlu+" + OptionSimilarity.ScorerId;

    public char? Extract(string output, Question question)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(question);
        var gen = Preprocessed(ThinkBlocks.StripIfPresent(output), question.Options);
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

    /// <summary><c>process_before_extraction(gen, choice_dict)</c>, L53-59.</summary>
    public static string Preprocessed(string gen, IReadOnlyList<string> options)
    {
        foreach (var (letter, text) in PythonText.LongestOptionsFirst(options))
        {
            var pattern = new Regex(Regex.Escape(text.TrimEnd('.')), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            gen = pattern.Replace(gen, letter.ToString());
        }

        return gen;
    }
}
