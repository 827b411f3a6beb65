using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Everything one benchmark run needs, fixed before anything runs; checked by <see cref="EvaluationPlanValidator"/>
/// before any model loads. What the protocol decides comes from <see cref="Settings"/>; the plan only overrides.
/// </summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Protocol">The prompt protocol.</param>
/// <param name="DataFolder">A folder with the benchmark's data layout.</param>
/// <param name="Shots">Few-shot examples per prompt; null: the protocol's default.</param>
/// <param name="Chat">Use the chat (ChatML) form: for instruct models.</param>
/// <param name="ChatOptions">Chat layout (system message, multi-turn shots, thinking switch).</param>
/// <param name="Limit">Score only the first N questions of each subject; null: all.</param>
/// <param name="Subjects">Only these subjects; null: every subject in the folder.</param>
/// <param name="Generation">Generation settings for generation scoring; null: the protocol's defaults.</param>
/// <param name="AllowKindMismatch">Allow the chat form on a base model or the completion form on an instruct model (sensitivity studies only).</param>
/// <param name="ChoiceRule">Override the protocol's choice rule (e.g. length-normalised; then every continuation token is scored); null: the protocol's.</param>
/// <param name="Repeat">1-based repeat number when this run is one of several repeats (recorded in the header), else null.</param>
/// <param name="Scorer">The scorer the caller expects (a suite's <c>scoring:</c>); the validator refuses it when the protocol scores otherwise. Null: the protocol's.</param>
public sealed record EvaluationPlan(
    Benchmark Benchmark,
    IPromptProtocol Protocol,
    string DataFolder,
    int? Shots = null,
    bool Chat = false,
    ChatOptions? ChatOptions = null,
    int? Limit = null,
    IReadOnlyList<string>? Subjects = null,
    GenerationSettings? Generation = null,
    bool AllowKindMismatch = false,
    ChoiceRule? ChoiceRule = null,
    int? Repeat = null,
    ScorerKind? Scorer = null)
{
    /// <summary>What the protocol decides for this benchmark and form.</summary>
    public ProtocolSettings Settings => Protocol.Settings(Benchmark, Chat);

    public int EffectiveShots => Shots ?? Settings.DefaultShots;

    /// <summary>How the questions are scored: the protocol's settings with the plan's choice-rule and generation overrides applied.</summary>
    public ScoringSettings Scoring
    {
        get
        {
            var settings = Settings;
            if (ChoiceRule is { } rule && settings.Scorer.ReadsLogLikelihoods())
            {
                // A rule other than the protocol's compares full continuation log-likelihoods (Qwen's next-token reading gives only the last token).
                var scorer = rule == Qwen3EvalTests.Scoring.ChoiceRule.SequencePerplexity ? ScorerKind.SequencePerplexity : ScorerKind.ContinuationLogLikelihood;
                return new ScoringSettings(scorer, rule, Extractor: null, settings.Truncation, Generation: null) { Tokenization = settings.Tokenization };
            }

            return new ScoringSettings(
                settings.Scorer,
                settings.ChoiceRule,
                settings.Extractor,
                settings.Truncation,
                settings.Scorer == ScorerKind.GenerateAndExtract ? Generation ?? settings.Generation : null)
            {
                Tokenization = settings.Tokenization,
            };
        }
    }
}
