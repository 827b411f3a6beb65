namespace Qwen3EvalTests.Prompts.OpenCompass;

/// <summary>
/// The strings of OpenCompass's configs: mmlu_ppl_ac766d, ceval_ppl_578f8d, cmmlu_ppl_8b9c76 (base,
/// perplexity) and mmlu_gen_a484b3, ceval_gen_5f30c7, cmmlu_gen_c13365 (chat; the C-Eval/CMMLU gen turns are the ppl HUMAN/BOT turns). {0} is the subject (MMLU: id with '_' → ' '; C-Eval/CMMLU:
/// the Chinese name); {q} the question; {o} the option block "A. {A}\n…\nD. {D}"; {a} the answer letter.
/// </summary>
/// <param name="MmluPplHint">Note the two spaces before the subject.</param>
/// <param name="MmluPplExample">ice_template; ends with '\n'.</param>
/// <param name="MmluPplQuery">prompt_template after the ice token.</param>
/// <param name="CevalHuman">The HUMAN turn of ceval_ppl_578f8d (ASCII "答案: ").</param>
/// <param name="CevalBot">The BOT turn.</param>
/// <param name="CmmluHuman">The HUMAN turn of cmmlu_ppl_8b9c76.</param>
/// <param name="CmmluBot">The BOT turn ("答案是: {a}").</param>
/// <param name="MmluChatHint">mmlu_gen_a484b3's hint.</param>
/// <param name="MmluChatShot">The user turn of a shot.</param>
/// <param name="MmluChatShotAnswer">The assistant turn of a shot.</param>
/// <param name="MmluChatQuery">The user turn of the question.</param>
/// <param name="IceSeparator">FixKRetriever's ice_separator ('\n').</param>
/// <param name="IceEndOfExamples">FixKRetriever's ice_eos_token ('\n').</param>
/// <param name="TurnJoiner">LMTemplateParser without a meta template joins the prompt items with '\n'.</param>
/// <param name="ChatUserTurnEnd">'\n' appended to every user turn of the chat form: HuggingFacewithChatTemplate's default meta
/// template maps its (empty) SYSTEM role to HUMAN, and _convert_chat_messages merges it into each user turn as '\n' + ''
/// (opencompass/models/huggingface_above_v4_33.py L62-86, L113-122 at 26d077b0).</param>
public sealed record OpenCompassTemplates(
    string MmluPplHint,
    string MmluPplExample,
    string MmluPplQuery,
    string CevalHuman,
    string CevalBot,
    string CmmluHuman,
    string CmmluBot,
    string MmluChatHint,
    string MmluChatShot,
    string MmluChatShotAnswer,
    string MmluChatQuery,
    string IceSeparator,
    string IceEndOfExamples,
    string TurnJoiner,
    string ChatUserTurnEnd)
{
    public static OpenCompassTemplates Default { get; } = new(
        MmluPplHint: "The following are multiple choice questions (with answers) about  {0}.\n\n",
        MmluPplExample: "{q}\n{o}\nAnswer: {a}\n",
        MmluPplQuery: "{q}\n{o}\nAnswer: {a}",
        CevalHuman: "以下是中国关于{0}考试的单项选择题，请选出其中的正确答案。\n{q}\n{o}\n答案: ",
        CevalBot: "{a}",
        CmmluHuman: "以下是关于{0}的单项选择题，请直接给出正确答案的选项。\n题目：{q}\n{o}",
        CmmluBot: "答案是: {a}",
        MmluChatHint: "There is a single choice question about {0}. Answer the question by replying A, B, C or D.",
        MmluChatShot: "{h}\nQuestion: {q}\n{o}\nAnswer: ",
        MmluChatShotAnswer: "{a}\n",
        MmluChatQuery: "{h}\nQ: {q}\n{o}\nA: ",
        IceSeparator: "\n",
        IceEndOfExamples: "\n",
        TurnJoiner: "\n",
        ChatUserTurnEnd: "\n");
}
