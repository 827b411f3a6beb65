namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>The extraction ladders of the reference harnesses, as data.</summary>
public static class AnswerExtractors
{
    /// <summary>
    /// OpenCompass first_option_postprocess, reduced to its shape: explicit "answer is X" phrasings
    /// (Chinese and English) first, then a leading letter, then the first option letter standing alone.
    /// </summary>
    public static IAnswerExtractor FirstOption { get; } = new LadderExtractor(
        "first-option",
        [
            ExtractionRule.Of("答案是X", "答案(?:选项)?(?:是|为)?\\s*[:：]?\\s*[(（]?([ABCD])(?![A-Za-z])"),
            ExtractionRule.Of("answer is X", "(?i:answer)(?:\\s+is)?\\s*[:：]?\\s*[(（]?([ABCD])(?![A-Za-z])"),
            ExtractionRule.Of("leading letter", "^[\\s(（]*([ABCD])(?![A-Za-z])"),
            ExtractionRule.Of("first standalone letter", "(?<![A-Za-z])([ABCD])(?![A-Za-z])"),
        ],
        FuzzyMatchOptions: false);

    /// <summary>
    /// Qwen's chat C-Eval ladder (eval/evaluate_chat_ceval.py extract_choice): 答案是X, 选X, X选项正确,
    /// a bare leading letter, the first standalone letter, then fuzzy match against the option texts.
    /// </summary>
    public static IAnswerExtractor QwenChatChoice { get; } = new LadderExtractor(
        "qwen-chat-choice",
        [
            ExtractionRule.Of("答案是X", "答案(?:选项)?(?:应该)?(?:是|为)[:：]?\\s?([ABCD])"),
            ExtractionRule.Of("答案是选项X", "答案(?:是|为)选项\\s?([ABCD])"),
            ExtractionRule.Of("选X", "故?选择?[:：]?\\s?([ABCD])"),
            ExtractionRule.Of("X选项正确", "([ABCD])\\s?选?项(?:是|为)?正确"),
            ExtractionRule.Of("正确选项是X", "正确的?选项(?:是|为)\\s?([ABCD])"),
            ExtractionRule.Of("答案：X", "答案[:：]\\s?([ABCD])"),
            ExtractionRule.Of("leading letter", "^[\\s(（]*([ABCD])(?![A-Za-z])"),
            ExtractionRule.Of("first standalone letter", "(?<![A-Za-z])([ABCD])(?![A-Za-z])"),
        ],
        FuzzyMatchOptions: true);

    public static IReadOnlyList<IAnswerExtractor> All { get; } = [FirstOption, QwenChatChoice];
}
