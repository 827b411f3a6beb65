using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>One question of a plan as the model will see it: its subject, the question and the rendered prompt.</summary>
public sealed record PlannedPrompt(SubjectInfo Subject, Question Question, RenderedPrompt Prompt)
{
    /// <summary>What <see cref="Prompt"/> was rendered from (question, subject, shots, form): a later stage with the model's tokenizer re-renders it (<see cref="ShotFitting"/>).</summary>
    public PromptRequest? Request { get; init; }

    public PromptedQuestion ToScored() => new(Question, Prompt.Text, Prompt.Continuations);
}

/// <summary>
/// The prompts a plan sends, in run order: each subject's scored split (first <see cref="EvaluationPlan.Limit"/>
/// questions), with the subject's first K dev rows as shots, rendered by the protocol in the plan's form. The
/// evaluator scores exactly these; the prompt snapshots show exactly these.
/// </summary>
public static class PlanPrompts
{
    /// <summary>Every prompt of <paramref name="plan"/>, subject by subject, streamed.</summary>
    public static IEnumerable<PlannedPrompt> Of(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var dataset = DataFolder.Open(plan.DataFolder, plan.Benchmark);
        return BenchmarkEvaluator.SelectSubjects(dataset, plan.Subjects).SelectMany(subject => OfSubject(plan, dataset, subject));
    }

    /// <summary>The prompts of one subject of <paramref name="plan"/>, streamed.</summary>
    public static IEnumerable<PlannedPrompt> OfSubject(EvaluationPlan plan, IBenchmarkDataset dataset, SubjectInfo subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(subject);
        var shots = plan.EffectiveShots;
        var reading = plan.Settings.Reading;
        var shotQuestions = shots > 0 ? ShotSelection.FirstK(ReadDev(dataset, subject.Id, shots, reading), shots) : [];
        var questions = reading.OptionColumnTypes
            ? reading.Typed(dataset.Read(subject.Id, plan.Settings.ScoredSplit).ToList())
            : dataset.Read(subject.Id, plan.Settings.ScoredSplit);
        if (plan.Limit is { } limit)
        {
            questions = questions.Take(limit);
        }

        foreach (var question in questions)
        {
            // The prompt's question as the protocol's reference reads it (line endings, NA strings): what its extractor compares with.
            var request = new PromptRequest(question, subject, shotQuestions, plan.Chat, plan.ChatOptions);
            yield return new PlannedPrompt(subject, plan.Settings.Reading.Apply(question), plan.Protocol.Render(request)) { Request = request };
        }
    }

    // Column types are inferred from the whole dev file, as pandas reads it, before the first K rows are taken.
    private static IReadOnlyList<Question> ReadDev(IBenchmarkDataset dataset, string subject, int shots, FieldReading reading)
    {
        var dev = reading.OptionColumnTypes
            ? reading.Typed(dataset.Read(subject, Split.Dev).ToList()).Take(shots).ToList()
            : dataset.Read(subject, Split.Dev).Take(shots).ToList();
        var problem = DataFolderValidator.DevTooShort(dataset.PathOf(subject, Split.Dev), dev.Count, shots);
        return dev.Count >= shots ? dev : throw new EvalInputException(problem.Message, problem.File, field: problem.Where);
    }
}
