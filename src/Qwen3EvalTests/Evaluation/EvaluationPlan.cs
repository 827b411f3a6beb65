using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;
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

    /// <summary>The stem of this plan's results file: "benchmark-protocol[-chat]-Kshot" (<see cref="ResultsFileNames"/> adds the repeat).</summary>
    public string ResultsFileStem => string.Create(CultureInfo.InvariantCulture, $"{Benchmark.ToId()}-{Protocol.Name}{(Chat ? "-chat" : "")}-{EffectiveShots}shot");

    /// <summary>This plan's results file name, the same under <c>run</c> and <c>engines compare</c>.</summary>
    public string ResultsFileName => ResultsFileNames.Of(ResultsFileStem, Repeat);

    /// <summary>
    /// The plan of repeat <paramref name="repeat"/> (1-based) of <paramref name="repeats"/>, the one rule every command and the gate
    /// use: a single run records no repeat number; of several, each records its number, and sampled generation uses seed
    /// base + repeat − 1 (greedy keeps the base seed, which cannot change its answers and is not part of its identity).
    /// </summary>
    public EvaluationPlan ForRepeat(int repeat, int repeats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repeat, repeats);
        if (repeats == 1)
        {
            return this with { Repeat = null };
        }

        return this with
        {
            Repeat = repeat,
            Generation = Generation is { IsGreedy: false } sampled ? sampled with { Seed = sampled.Seed + repeat - 1 } : Generation,
        };
    }

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
