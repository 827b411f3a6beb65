namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// The release-dependent rules of lm-evaluation-harness's mmlu, ceval-valid and cmmlu multiple-choice prompts, each stated
/// once with the releases in which it holds, read from the upstream tags themselves (<c>git show v0.4.3:lm_eval/api/task.py</c>).
/// A named release (<see cref="LmEvalRelease"/>) is the set of rules whose range contains it. Read and found unchanged
/// from v0.4.3 to HEAD, so not rules here: the task strings (description, doc_to_text, doc_to_choice, target and few-shot
/// delimiters, first_n shots from dev; the per-subject YAMLs only moved from group to tag in v0.4.4, and mmlu's dataset_path
/// from hails/mmlu_no_train to cais/mmlu in v0.4.9.1), folding shots into one user message as description-less base text
/// (v0.4.3 samplers.py L111-114 and task.py L999-1005; HEAD api/utils.py L65-83), the shots' assistant turn being the bare
/// letter, add_generation_prompt for a task without gen_prefix, and _encode_pair moving the context's trailing whitespace into
/// the continuation (v0.4.3 and HEAD lm_eval/api/model.py). Not a prompt rule, also unchanged: group scores weighted by subject size
/// (v0.4.3 lm_eval/api/metrics.py L559 weight_by_size=True by default; from v0.4.4 the groups' aggregate_metric_list says so).
/// </summary>
public static class LmEvalRules
{
    private static LmEvalVersion Oldest => LmEvalVersion.All[0];

    public static LmEvalRule DescriptionLastNewlineDropped { get; } = new(
        LmEvalRuleId.DescriptionLastNewlineDropped,
        "The description is rendered by jinja without keep_trailing_newline, which drops its last newline: \"…about anatomy.\\n\\n\" is sent as \"…about anatomy.\\n\".",
        Oldest,
        LmEvalVersion.Of("0.4.3"),
        [
            "v0.4.3:lm_eval/utils.py:472",
            "v0.4.3:lm_eval/api/task.py:1045-1046",
            "v0.4.3:lm_eval/tasks/mmlu/default/mmlu_anatomy.yaml:2-3",
            "v0.4.4:lm_eval/utils.py:474-476 (keep_trailing_newline=True, PR #2116, 8ad598dfd)",
            "HEAD:lm_eval/utils.py:611-613",
        ]);

    public static LmEvalRule ChatDescriptionIsSystemMessage { get; } = new(
        LmEvalRuleId.ChatDescriptionIsSystemMessage,
        "With --apply_chat_template the description is the system message (after --system_instruction when given), never part of a user turn.",
        Oldest,
        null,
        [
            "v0.4.3:lm_eval/api/task.py:1048-1063",
            "v0.4.9.2:lm_eval/api/task.py:1135-1149",
            "HEAD:lm_eval/api/task.py:974-979",
        ]);

    public static LmEvalRule ChatContinuationWithoutTargetDelimiter { get; } = new(
        LmEvalRuleId.ChatContinuationWithoutTargetDelimiter,
        "With --apply_chat_template a multiple-choice request's continuation is the bare choice \"A\"; before, target_delimiter + choice, \" A\", as in the base form.",
        LmEvalVersion.Of("0.4.6"),
        null,
        [
            "v0.4.5:lm_eval/api/task.py:1312 (construct_requests: target_delimiter = self.config.target_delimiter, no chat branch)",
            "v0.4.6:lm_eval/api/task.py:1305,1316-1317 (PR #2475, 77c811ead)",
            "HEAD:lm_eval/api/task.py:1377-1383 (\"\" unless the task has a gen_prefix not ending in whitespace; mmlu, ceval, cmmlu have none)",
        ]);

    public static LmEvalRule ChatShotsAsTurnsByDefault { get; } = new(
        LmEvalRuleId.ChatShotsAsTurnsByDefault,
        "With --apply_chat_template and no --fewshot_as_multiturn, shots are user/assistant turns; before, --fewshot_as_multiturn defaulted to False and shots were folded into the one user message.",
        LmEvalVersion.Of("0.4.10"),
        null,
        [
            "v0.4.3:lm_eval/__main__.py:178-182",
            "v0.4.9.2:lm_eval/__main__.py:201-205",
            "v0.4.10:lm_eval/config/evaluate_config.py:300-302 (PR #3440, b315ef3b0)",
            "HEAD:lm_eval/config/evaluate_config.py:356-358",
        ]);

    public static LmEvalRule ChatTemplateReceivesEnableThinking { get; } = new(
        LmEvalRuleId.ChatTemplateReceivesEnableThinking,
        "The hf model (HFLM, whose context window this protocol reproduces) passes its enable_thinking model argument to tokenizer.apply_chat_template, so Qwen3's enable_thinking=False empty think block can be sent; before, HFLM passed no template argument and the template rendered with its defaults (thinking on, no block). The vllm model had its own enable_thinking from v0.4.9 (PR #2947, ab618f01a), defaulting to False.",
        LmEvalVersion.Of("0.4.9.1"),
        null,
        [
            "v0.4.9:lm_eval/models/huggingface.py:1421-1426 (apply_chat_template without template kwargs)",
            "v0.4.9.1:lm_eval/models/huggingface.py:104,245-249,1500-1505 (chat_template_args, PR #3164, 2eea3f50e)",
            "HEAD:lm_eval/models/huggingface.py:113,403-407",
            "v0.4.9:lm_eval/models/vllm_causallms.py:135,203,309 (vllm only)",
        ]);

    public static LmEvalRule SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace { get; } = new(
        LmEvalRuleId.SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace,
        "--system_instruction and the description are joined by maybe_delimit: the few-shot delimiter \"\\n\\n\" only when the instruction does not end (and the description does not start) with whitespace, and an empty instruction is dropped; before, always instruction + \"\\n\\n\" + description.",
        LmEvalVersion.Of("0.4.10"),
        null,
        [
            "v0.4.9.2:lm_eval/api/task.py:1135-1137",
            "v0.4.10:lm_eval/api/task.py:970-972 (PR #3429, 41f6bfadc)",
            "v0.4.10:lm_eval/api/utils.py:7-17",
            "HEAD:lm_eval/api/task.py:975-977",
        ]);

    public static LmEvalRule ZeroShotByDefault { get; } = new(
        LmEvalRuleId.ZeroShotByDefault,
        "0 shots unless --num_fewshot says otherwise: the mmlu, ceval and cmmlu task configs set no num_fewshot and the evaluator then sets 0.",
        Oldest,
        null,
        [
            "v0.4.3:lm_eval/tasks/mmlu/default/_default_template_yaml:1-17",
            "v0.4.3:lm_eval/tasks/ceval/_default_ceval_yaml:1-19",
            "v0.4.3:lm_eval/tasks/cmmlu/_default_template_yaml:1-19",
            "v0.4.3:lm_eval/evaluator.py:256-258",
            "HEAD:lm_eval/evaluator.py:343-345",
        ]);

    /// <summary>The table, one row per <see cref="LmEvalRuleId"/>.</summary>
    public static IReadOnlyList<LmEvalRule> All { get; } =
    [
        DescriptionLastNewlineDropped,
        ChatDescriptionIsSystemMessage,
        ChatContinuationWithoutTargetDelimiter,
        ChatShotsAsTurnsByDefault,
        ChatTemplateReceivesEnableThinking,
        SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace,
        ZeroShotByDefault,
    ];

    /// <summary>The rules that hold in <paramref name="version"/>.</summary>
    public static IReadOnlySet<LmEvalRuleId> HoldingAt(LmEvalVersion version) =>
        All.Where(r => r.HoldsAt(version)).Select(r => r.Id).ToHashSet();
}
