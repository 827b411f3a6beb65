namespace Qwen3EvalTests.Scoring.Extraction;

/// <summary>The answer extractors of the reference harnesses, each a port of one upstream function.</summary>
public static class AnswerExtractors
{
    /// <summary>OpenCompass first_option_postprocess at 26d077b0 (mmlu_gen_a484b3).</summary>
    public static IAnswerExtractor FirstOption => FirstOptionExtractor.Instance;

    /// <summary>OpenCompass first_capital_postprocess (ceval_gen_5f30c7, cmmlu_gen_c13365).</summary>
    public static IAnswerExtractor FirstCapital => FirstCapitalExtractor.Instance;

    /// <summary>Qwen's evaluate_chat_ceval.py extraction.</summary>
    public static IAnswerExtractor QwenChatCeval => QwenChatCevalExtractor.Instance;

    /// <summary>Qwen's evaluate_chat_mmlu.py extraction.</summary>
    public static IAnswerExtractor QwenChatMmlu => QwenChatMmluExtractor.Instance;

    public static IReadOnlyList<IAnswerExtractor> All { get; } = [FirstOption, FirstCapital, QwenChatCeval, QwenChatMmlu];
}
