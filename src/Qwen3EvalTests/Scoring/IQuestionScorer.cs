using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// Turns rendered questions into outcomes on a model: the one home of how a question is scored.
/// <see cref="QuestionScorers.For"/> picks the implementation from a run's <see cref="ScoringSettings"/>.
/// </summary>
public interface IQuestionScorer
{
    /// <summary>Scores <paramref name="questions"/> (one subject's chunk, sharing its few-shot prefix), in order.</summary>
    IReadOnlyList<QuestionOutcome> Score(ILanguageModel model, IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default);

    /// <summary>
    /// The part of <see cref="Score"/> that needs the model's tokenizer but not its engine, done ahead of it (on another thread
    /// when the model allows, <see cref="ILanguageModel.PreparesConcurrently"/>): <paramref name="question"/> with what
    /// <see cref="Score"/> would otherwise compute first. Scoring the result equals scoring the question.
    /// </summary>
    PromptedQuestion Prepare(ILanguageModel model, PromptedQuestion question) => question;
}

/// <summary>The scorer of each <see cref="ScorerKind"/>.</summary>
public static class QuestionScorers
{
    public static IQuestionScorer For(ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Scorer switch
        {
            ScorerKind.GenerateAndExtract => new GenerationScorer(
                settings.Generation ?? throw new ArgumentException("generation scoring needs generation settings", nameof(settings)),
                settings.Extractor ?? throw new ArgumentException("generation scoring needs an answer extractor", nameof(settings))),
            var kind => new LogLikelihoodScorer(
                settings.Rule ?? throw new ArgumentException($"{kind.ToId()} scoring needs a choice rule", nameof(settings)),
                NextTokenOnly: kind == ScorerKind.NextTokenChoice,
                settings.Truncation)
            {
                Tokenization = settings.Tokenization,
            },
        };
    }
}

/// <summary>How the questions of one run are scored, resolved from the protocol's settings and the plan's overrides.</summary>
/// <param name="Scorer">The scorer kind.</param>
/// <param name="Rule">For log-likelihood scorers: how the option scores pick an answer; null for generation.</param>
/// <param name="Extractor">For generation: reads the letter out of the text; null otherwise.</param>
/// <param name="Truncation">What happens to a prompt longer than the protocol allows.</param>
/// <param name="Generation">For generation: the settings of every answer; null otherwise.</param>
public sealed record ScoringSettings(
    ScorerKind Scorer,
    ChoiceRule? Rule,
    IAnswerExtractor? Extractor,
    ContextTruncation Truncation,
    GenerationSettings? Generation)
{
    /// <summary>For log-likelihood scorers: how context and continuations are tokenized (the protocol's).</summary>
    public ContinuationTokenization Tokenization { get; init; } = ContinuationTokenization.Separate;
}

/// <summary>A question with the exact text a protocol rendered for it and the continuations it scores (none for generation).</summary>
public sealed record PromptedQuestion(Question Question, string Text, IReadOnlyList<string> Continuations)
{
    /// <summary>The log-likelihood request of this question with its token ids, when a scorer prepared it ahead (<see cref="IQuestionScorer.Prepare"/>).</summary>
    public LogLikelihoodRequest? Request { get; init; }

    /// <summary>The reference letter; a scored question must have one.</summary>
    public char Answer => Question.Answer
        ?? throw new EvalInputException("question has no answer but its split is scored.", file: Question.Source.File, line: Question.Source.Line, field: "answer");
}
