using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring.Extraction;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// Everything one protocol decides for one benchmark in one form (base or chat), in one record: which
/// split is scored and how subjects are averaged, how many shots it uses and whether it accepts any,
/// how a question is scored (scorer, choice rule, answer extractor), how long prompts are truncated,
/// the default system message, the generation defaults, and how the reference reads the data (<see cref="Reading"/>). The evaluator, the plan validator, the
/// results file and the prompt snapshots all read these settings; nothing re-derives them.
/// </summary>
/// <param name="Protocol">The protocol's name ("qwen", "lm-eval", "opencompass").</param>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Chat">The chat (instruct) form; false: the base (completion) form.</param>
/// <param name="ScoredSplit">The split whose questions are scored.</param>
/// <param name="Average">Which average over subjects is the headline score.</param>
/// <param name="DefaultShots">Shots when the run does not say.</param>
/// <param name="AcceptsShots">Whether the form takes shots at all (Qwen's chat scripts are 0-shot only).</param>
/// <param name="Scorer">How a prediction is made.</param>
/// <param name="ChoiceRule">For log-likelihood scorers: how the four scores pick an option; null for generation.</param>
/// <param name="Extractor">For generation: reads the letter out of the text; else null.</param>
/// <param name="Truncation">What happens to a prompt longer than the protocol allows.</param>
/// <param name="SystemMessage">The system message of the chat form when the run gives none; null: none.</param>
/// <param name="Generation">Generation defaults of the form (generation scoring only), else null.</param>
/// <param name="Source">The reference this form reproduces (script or config).</param>
public sealed record ProtocolSettings(
    string Protocol,
    Benchmark Benchmark,
    bool Chat,
    Split ScoredSplit,
    AverageKind Average,
    int DefaultShots,
    bool AcceptsShots,
    ScorerKind Scorer,
    ChoiceRule? ChoiceRule,
    IAnswerExtractor? Extractor,
    ContextTruncation Truncation,
    string? SystemMessage,
    GenerationSettings? Generation,
    string Source)
{
    /// <summary>Greedy, a short answer, stop at the end of the assistant turn: the generation default when a form names none.</summary>
    public static GenerationSettings ShortGreedyAnswer { get; } = new(MaxNewTokens: 32, StopStrings: ["<|im_end|>", "<|endoftext|>"]);

    /// <summary>
    /// How context and continuations become the token ids that are scored, as the reference does it: qwen
    /// <see cref="ContinuationTokenization.Separate"/>, lm-eval <see cref="ContinuationTokenization.LmEvalEncodePair"/>, OpenCompass
    /// perplexity <see cref="ContinuationTokenization.WholeSequence"/>. Generation forms encode the prompt in one piece and
    /// keep the default.
    /// </summary>
    public ContinuationTokenization Tokenization { get; init; } = ContinuationTokenization.Separate;

    /// <summary>How the reference reads the CSV fields (line endings, pandas NA strings); applied when rendering.</summary>
    public FieldReading Reading { get; init; } = FieldReading.Verbatim;

    /// <summary>
    /// A rule the reference applies to shots in this form that the harness does not reproduce (OpenCompass GenInferencer's
    /// chat-template shot dropping under max_seq_len); null: none. Such a form is refused with shots, naming the rule.
    /// </summary>
    public string? UnreproducedShotRule { get; init; }

    /// <summary>"base" or "chat".</summary>
    public string Form => Chat ? "chat" : "base";

    /// <summary>Whether the loss of the whole sequence (context included) is scored (OpenCompass ppl).</summary>
    public bool ScoresWholeSequence => Scorer == ScorerKind.SequencePerplexity;

    /// <summary>A log-likelihood form: settings for the base form of a protocol that compares option scores.</summary>
    public static ProtocolSettings ForLogLikelihood(
        string protocol, Benchmark benchmark, bool chat, AverageKind average, ScorerKind scorer, ContinuationTokenization tokenization, ContextTruncation truncation, string source) => new(
        protocol,
        benchmark,
        chat,
        ScoredSplits.Standard(benchmark),
        average,
        DefaultShots: 5,
        AcceptsShots: true,
        scorer,
        scorer == ScorerKind.SequencePerplexity ? Scoring.ChoiceRule.SequencePerplexity : Scoring.ChoiceRule.LogLikelihood,
        Extractor: null,
        truncation,
        SystemMessage: null,
        Generation: null,
        source)
    {
        Tokenization = tokenization,
    };

    /// <summary>A generation form: the model answers in text and <paramref name="extractor"/> reads the letter.</summary>
    public static ProtocolSettings ForGeneration(
        string protocol, Benchmark benchmark, AverageKind average, int defaultShots, bool acceptsShots, IAnswerExtractor extractor, string source, GenerationSettings generation, string? systemMessage = null) => new(
        protocol,
        benchmark,
        Chat: true,
        ScoredSplits.Standard(benchmark),
        average,
        defaultShots,
        acceptsShots,
        ScorerKind.GenerateAndExtract,
        ChoiceRule: null,
        extractor,
        ContextTruncation.None,
        systemMessage,
        generation,
        source);

    /// <summary>
    /// What is wrong with asking this form for <paramref name="scorer"/> and <paramref name="shots"/>: one
    /// sentence per problem, naming the fix; empty when both are allowed. The one check behind suite
    /// validation and the plan validator.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Disallowed(ScorerKind? scorer, int? shots)
    {
        var problems = new List<(string, string)>();
        var what = string.Create(CultureInfo.InvariantCulture, $"protocol {Protocol} scores {Benchmark.ToId()} {Form} prompts by {Scorer.ToId()}");
        if (scorer is { } asked && asked != Scorer)
        {
            problems.Add(("scoring", $"{what}, not {asked.ToId()}; write scoring: {Scorer.ToId()}, or choose the protocol and form that score by {asked.ToId()}."));
        }

        if (shots is < 0)
        {
            problems.Add(("shots", string.Create(CultureInfo.InvariantCulture, $"shots must be 0 or more, not {shots}.")));
        }
        else if ((shots ?? DefaultShots) > 0 && AcceptsShots && UnreproducedShotRule is { } rule)
        {
            problems.Add(("shots", string.Create(CultureInfo.InvariantCulture, $"protocol {Protocol} with shots in the {Form} form is not reproduced: {rule}; use --shots 0 (shots: 0), or the protocol without max_seq_len.")));
        }
        else if (shots is > 0 && !AcceptsShots)
        {
            problems.Add(("shots", string.Create(CultureInfo.InvariantCulture, $"protocol {Protocol} takes no shots in the {Form} form ({Source} is 0-shot), but {shots} were asked; drop the shots (use 0), or choose a protocol whose {Form} form takes shots (lm-eval, opencompass).")));
        }

        return problems;
    }
}

/// <summary>
/// The split every reference harness scores: C-Eval's val (its test answers are withheld by the authors),
/// MMLU's and CMMLU's test — each definition's <see cref="BenchmarkDefinition.ScoredSplit"/>.
/// </summary>
public static class ScoredSplits
{
    public static Split Standard(Benchmark benchmark) => BenchmarkDefinitions.Get(benchmark).ScoredSplit;
}
