using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Scoring;

/// <summary>Generates an answer to each question with <paramref name="Settings"/> and reads the letter with <paramref name="Extractor"/>; unparsable text is a counted failure, not an error.</summary>
public sealed record GenerationScorer(GenerationSettings Settings, IAnswerExtractor Extractor) : IQuestionScorer
{
    public IReadOnlyList<QuestionOutcome> Score(ILanguageModel model, IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(questions);
        var outcomes = new List<QuestionOutcome>(questions.Count);
        foreach (var q in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var output = model.Generate(q.Text, Settings, cancellationToken);
            var predicted = Extractor.Extract(output, q.Question);
            outcomes.Add(new QuestionOutcome(q.Question.Subject, q.Question.Index, q.Answer, predicted, [], output, model.Encode(q.Text).Count, 0));
        }

        return outcomes;
    }
}
