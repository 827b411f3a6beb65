namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// The rules of lm-evaluation-harness that decide the bytes of an mmlu, ceval-valid or cmmlu multiple-choice
/// prompt (context and continuations) and that hold in some releases only, or that a reader might think do.
/// What each does, its release range and its evidence: <see cref="LmEvalRules"/>.
/// </summary>
public enum LmEvalRuleId
{
    /// <summary>jinja without keep_trailing_newline drops the description's last newline.</summary>
    DescriptionLastNewlineDropped,

    /// <summary>With a chat template, the description (after any system instruction) is the system message.</summary>
    ChatDescriptionIsSystemMessage,

    /// <summary>With a chat template, a multiple-choice continuation is the bare choice ("A"), not target delimiter + choice (" A").</summary>
    ChatContinuationWithoutTargetDelimiter,

    /// <summary>With a chat template and no explicit choice, shots are user/assistant turns, not folded into one user message.</summary>
    ChatShotsAsTurnsByDefault,

    /// <summary>The hf model's enable_thinking argument reaches the tokenizer's chat template.</summary>
    ChatTemplateReceivesEnableThinking,

    /// <summary>System instruction and description are joined by the few-shot delimiter only when neither has whitespace at the join.</summary>
    SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace,

    /// <summary>0 shots unless --num_fewshot says otherwise: the task configs set no num_fewshot.</summary>
    ZeroShotByDefault,
}
