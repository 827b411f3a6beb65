namespace Qwen3EvalTests.Prompts.Qwen;

/// <summary>
/// The strings of QwenLM/Qwen eval/evaluate_{mmlu,ceval,cmmlu}.py (base) and evaluate_chat_{ceval,mmlu}.py (chat).
/// A shot is <c>{Header?}{QuestionPrefix}{q}\n{options}\n{AnswerCue}{AnswerSeparator}{ans}\n\n</c>; the query stops after the cue.
/// </summary>
/// <param name="MmluHeader">Format with {0} = subject id with '_' → ' '.</param>
/// <param name="MmluQuestionPrefix">"Question: ".</param>
/// <param name="MmluAnswerCue">"Answer:".</param>
/// <param name="MmluAnswerSeparator">" " (the answer token is " A").</param>
/// <param name="ChineseQuestionPrefix">"问题：" (C-Eval and CMMLU).</param>
/// <param name="ChineseAnswerCue">"答案：".</param>
/// <param name="ChineseAnswerSeparator">"" (the answer token is "A").</param>
/// <param name="ShotSeparator">"\n\n" after every shot.</param>
/// <param name="ChatQuestionSeparator">"\n\n" between the question and the options in the chat C-Eval (and CMMLU) form.</param>
/// <param name="ChatSystemMessage">Qwen-1 <c>model.chat</c>'s default system turn, "You are a helpful assistant." (examples/vllm_wrapper.py make_context mirrors it).</param>
/// <param name="ChatMmluInstruction">evaluate_chat_mmlu.py format_example's first line(s), before the question; the options follow the question's "\n" as "X. {text}\n" lines.</param>
/// <param name="MmluMaxSeqLen">2048: evaluate_mmlu.py's <c>--max-seq-len</c>; a longer prompt keeps its last 2047 tokens (L82-83). The C-Eval and CMMLU scripts never truncate.</param>
public sealed record QwenTemplates(
    string MmluHeader,
    string MmluQuestionPrefix,
    string MmluAnswerCue,
    string MmluAnswerSeparator,
    string ChineseQuestionPrefix,
    string ChineseAnswerCue,
    string ChineseAnswerSeparator,
    string ShotSeparator,
    string ChatQuestionSeparator,
    string ChatSystemMessage,
    string ChatMmluInstruction,
    int MmluMaxSeqLen)
{
    public static QwenTemplates Default { get; } = new(
        MmluHeader: "The following are multiple choice questions (with answers) about {0}.\n\n",
        MmluQuestionPrefix: "Question: ",
        MmluAnswerCue: "Answer:",
        MmluAnswerSeparator: " ",
        ChineseQuestionPrefix: "问题：",
        ChineseAnswerCue: "答案：",
        ChineseAnswerSeparator: "",
        ShotSeparator: "\n\n",
        ChatQuestionSeparator: "\n\n",
        ChatSystemMessage: "You are a helpful assistant.",
        ChatMmluInstruction: "The following is a multiple-choice question. Please choose the most suitable one among A, B, C and D as the answer to this question.\n\n",
        MmluMaxSeqLen: 2048);
}
