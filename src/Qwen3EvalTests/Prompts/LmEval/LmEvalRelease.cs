namespace Qwen3EvalTests.Prompts.LmEval;

/// <summary>
/// A release of lm-evaluation-harness, where it sends different prompts. Every release reads the description through
/// jinja (lm_eval/utils.py); before v0.4.4 (PR #2116) without <c>keep_trailing_newline</c>, so the description's last
/// newline is dropped (v0.4.3 utils.py L472). <c>--fewshot_as_multiturn</c> defaults to false up to v0.4.9.x
/// (v0.4.3 __main__.py L178-182, v0.4.9.2 L201-205) and is switched on with <c>--apply_chat_template</c> at HEAD
/// (lm_eval/config/evaluate_config.py L352-358). The mmlu, ceval and cmmlu task configs set no <c>num_fewshot</c>:
/// every release is 0-shot unless <c>--num_fewshot</c> says otherwise.
/// </summary>
/// <param name="Tag">"0.4.3", "0.4.9"; null: HEAD (4e7e0d47), the protocol named plain "lm-eval".</param>
/// <param name="DropsDescriptionNewline">jinja without keep_trailing_newline: "…about anatomy.\n\n" is sent as "…about anatomy.\n".</param>
/// <param name="FewShotAsMultiTurnByDefault">With a chat template and no explicit choice, shots are user/assistant turns (true) or folded into the one user message (false).</param>
public sealed record LmEvalRelease(string? Tag, bool DropsDescriptionNewline, bool FewShotAsMultiTurnByDefault)
{
    public static LmEvalRelease Head { get; } = new(null, DropsDescriptionNewline: false, FewShotAsMultiTurnByDefault: true);

    public static LmEvalRelease V0_4_9 { get; } = new("0.4.9", DropsDescriptionNewline: false, FewShotAsMultiTurnByDefault: false);

    public static LmEvalRelease V0_4_3 { get; } = new("0.4.3", DropsDescriptionNewline: true, FewShotAsMultiTurnByDefault: false);

    public static IReadOnlyList<LmEvalRelease> All { get; } = [Head, V0_4_9, V0_4_3];

    /// <summary>The source a results file names: the tag, or HEAD's commit.</summary>
    public string Revision => Tag is null ? "4e7e0d47" : "v" + Tag;
}
