using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Prompts.Qwen;

/// <summary>Which of <see cref="QwenTemplates"/>' string families a benchmark's prompts use.</summary>
public enum QwenLayout
{
    /// <summary>evaluate_mmlu.py: the English header, "Question: ", "Answer:" + " " + letter, cut to the last 2047 tokens past 2048.</summary>
    Mmlu,

    /// <summary>evaluate_ceval.py and evaluate_cmmlu.py: no header, "问题：", "答案：" + letter, never cut.</summary>
    Chinese,
}

/// <summary>The chat form of one benchmark in Qwen's scripts: the answer extraction and the script reproduced.</summary>
/// <param name="Extractor">How the generated answer is read.</param>
/// <param name="Source">The script (or the statement that there is none) a run records.</param>
public sealed record QwenChatForm(IAnswerExtractor Extractor, string Source);

/// <summary>One benchmark's row of Qwen's table.</summary>
/// <param name="Layout">The base (and chat) string family.</param>
/// <param name="Average">Micro (MMLU) or macro.</param>
/// <param name="BaseSource">The base script reproduced.</param>
/// <param name="Chat">The chat form; null: the protocol has none for the benchmark.</param>
/// <param name="NoChatReason">Why there is no chat form, for the refusal.</param>
public sealed record QwenBenchmarkForm(QwenLayout Layout, AverageKind Average, string BaseSource, QwenChatForm? Chat, string? NoChatReason = null);

/// <summary>The benchmarks QwenLM/Qwen eval/ (2df8e8ac) has prompts for, and the test benchmark rendered in its MMLU form.</summary>
public static class QwenBenchmarkForms
{
    private const string Revision = "@2df8e8ac";

    /// <summary>Keyed by benchmark; a benchmark not here is refused (<see cref="UnsupportedBenchmark"/>).</summary>
    public static IReadOnlyDictionary<Benchmark, QwenBenchmarkForm> ByBenchmark { get; } = new Dictionary<Benchmark, QwenBenchmarkForm>
    {
        [Benchmark.Mmlu] = new(QwenLayout.Mmlu, AverageKind.Micro, $"QwenLM/Qwen eval/evaluate_mmlu.py {Revision}",
            new QwenChatForm(AnswerExtractors.QwenChatMmlu, $"QwenLM/Qwen eval/evaluate_chat_mmlu.py {Revision}")),
        [Benchmark.Ceval] = new(QwenLayout.Chinese, AverageKind.Macro, $"QwenLM/Qwen eval/evaluate_ceval.py {Revision}",
            new QwenChatForm(AnswerExtractors.QwenChatCeval, $"QwenLM/Qwen eval/evaluate_chat_ceval.py {Revision}")),

        // CMMLU has no chat script: the C-Eval form and extraction, labelled so.
        [Benchmark.Cmmlu] = new(QwenLayout.Chinese, AverageKind.Macro, $"QwenLM/Qwen eval/evaluate_cmmlu.py {Revision}",
            new QwenChatForm(AnswerExtractors.QwenChatCeval, "qwen-style, no upstream script (QwenLM/Qwen has no evaluate_chat_cmmlu.py): the evaluate_chat_ceval.py form and extraction applied to CMMLU")),

        // The five-option test benchmark: the base MMLU form renders any number of options (one line and one answer token per letter);
        // the chat MMLU instruction names "A, B, C and D", so there is no honest chat form.
        [Benchmark.Mmlu5Fixture] = new(QwenLayout.Mmlu, AverageKind.Micro, $"qwen-style, no upstream script: the evaluate_mmlu.py {Revision} form applied to the five-option test benchmark mmlu5-fixture",
            Chat: null, NoChatReason: "evaluate_chat_mmlu.py's instruction names the letters \"A, B, C and D\", which a five-option question does not have"),
    };
}
