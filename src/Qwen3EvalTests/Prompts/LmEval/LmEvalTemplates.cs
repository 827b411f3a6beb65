namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// The strings of lm-evaluation-harness's mmlu, ceval-valid and cmmlu tasks. A doc is
/// <c>{question.strip()}\n{options}\n{AnswerCue}</c>; a shot is doc + target delimiter + letter; shots
/// and the query are joined by the few-shot delimiter after the description.
/// </summary>
/// <param name="MmluDescription">{0} = subject with '_' → ' '.</param>
/// <param name="CevalDescription">{0} = the Chinese subject name.</param>
/// <param name="CmmluDescription">{0} = the Chinese subject name.</param>
/// <param name="MmluAnswerCue">"Answer:".</param>
/// <param name="ChineseAnswerCue">"答案：".</param>
/// <param name="TargetDelimiter">" " (base); chat (--apply_chat_template) uses "".</param>
/// <param name="FewShotDelimiter">"\n\n".</param>
public sealed record LmEvalTemplates(
    string MmluDescription,
    string CevalDescription,
    string CmmluDescription,
    string MmluAnswerCue,
    string ChineseAnswerCue,
    string TargetDelimiter,
    string FewShotDelimiter)
{
    public static LmEvalTemplates Default { get; } = new(
        MmluDescription: "The following are multiple choice questions (with answers) about {0}.\n\n",
        CevalDescription: "以下是中国关于{0}的单项选择题，请选出其中的正确答案。\n\n",
        CmmluDescription: "以下是关于{0}的单项选择题，请直接给出正确答案的选项。\n\n",
        MmluAnswerCue: "Answer:",
        ChineseAnswerCue: "答案：",
        TargetDelimiter: " ",
        FewShotDelimiter: "\n\n");
}
