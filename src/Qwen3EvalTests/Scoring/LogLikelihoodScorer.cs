using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Scoring;

/// <summary>
/// Scores the four continuations of each question in one request and picks by <paramref name="Rule"/>:
/// summed log-likelihood (lm-eval), per-token (length-normalised), or whole-sequence perplexity (OpenCompass,
/// which also asks for the context's log-probability). <paramref name="NextTokenOnly"/> reads only the last
/// token of each continuation at the last prompt position, as Qwen's scripts do (one forward per question).
/// </summary>
/// <param name="Rule">How the option scores pick an answer.</param>
/// <param name="NextTokenOnly">Qwen's next-token choice instead of full continuation log-likelihoods.</param>
/// <param name="Truncation">The protocol's context limit, applied by the backend.</param>
public sealed record LogLikelihoodScorer(ChoiceRule Rule, bool NextTokenOnly, ContextTruncation Truncation) : IQuestionScorer
{
    public LogLikelihoodRequest RequestOf(PromptedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new LogLikelihoodRequest(
            question.Text,
            question.Continuations,
            Truncation.MaxContextTokens,
            IncludeContextLogProb: Rule == ChoiceRule.SequencePerplexity,
            NextTokenOnly: NextTokenOnly);
    }

    public IReadOnlyList<QuestionOutcome> Score(ILanguageModel model, IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(questions);
        var results = model.Score(questions.Select(RequestOf).ToArray(), cancellationToken);
        var outcomes = new QuestionOutcome[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var scores = ChoicePicker.Scores(results[i], Rule);
            var q = questions[i];
            outcomes[i] = new QuestionOutcome(
                q.Question.Subject,
                q.Question.Index,
                q.Answer,
                Question.Letters[ChoicePicker.ArgMax(scores)],
                scores,
                Generated: null,
                results[i].ContextTokenCount,
                results[i].TruncatedTokenCount);
        }

        return outcomes;
    }
}
