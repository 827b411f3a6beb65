using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// Turns rendered questions into outcomes on a model: the one home of how a question is scored.
/// <see cref="QuestionScorers.For"/> picks the implementation from a run's <see cref="ScoringSettings"/>.
/// </summary>
public interface IQuestionScorer
{
    /// <summary>Scores <paramref name="questions"/> (one subject's chunk, sharing its few-shot prefix), in order.</summary>
    IReadOnlyList<QuestionOutcome> Score(ILanguageModel model, IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default);
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
                settings.Truncation),
        };
    }
}
