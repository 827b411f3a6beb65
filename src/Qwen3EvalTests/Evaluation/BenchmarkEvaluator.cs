using System.Diagnostics;
using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Provenance;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Runs one benchmark on one model: streams each subject's scored split, renders every question with
/// the protocol, hands it to the plan's <see cref="IQuestionScorer"/>, and returns the run as data
/// (every answer, the summary) while the results file and progress receive it as sinks. Questions of a
/// subject go to the model in chunks that share the subject's few-shot prefix, so the backend encodes
/// that prefix once. The plan is checked by <see cref="EvaluationPlanValidator"/> first; commands that
/// run several plans validate all of them before the model loads.
/// </summary>
public sealed class BenchmarkEvaluator(ILanguageModel model)
{
    /// <summary>Questions handed to the model in one <see cref="ILanguageModel.Score"/> call.</summary>
    public int ChunkSize { get; init; } = 16;

    /// <summary>Chunks read, rendered and tokenized ahead of the one the engine scores, when the model allows it (<see cref="ILanguageModel.PreparesConcurrently"/>).</summary>
    private const int PreparedChunksAhead = 1;

    public BenchmarkRun Run(EvaluationPlan plan, string resultsPath, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EvaluationPlanValidator.ThrowIfInvalid([plan], ModelKindFact.Of(model.Info), validateData: false, engine: model.Generation);
        var settings = plan.Settings;
        var scoring = plan.Scoring;
        var scorer = QuestionScorers.For(scoring);
        var dataset = DataFolder.Open(plan.DataFolder, plan.Benchmark);
        var split = settings.ScoredSplit;
        var subjects = SelectSubjects(dataset, plan.Subjects);
        var header = HeaderOf(plan, dataset, subjects, RunSettingsOf(plan) with { ChatTemplate = ChatPromptRendering.RendererOf(plan, model.Info) });
        int? total = progress is null ? null : (int)subjects.Sum(s => Math.Min(dataset.CountQuestions(s.Id, split), plan.Limit ?? long.MaxValue));

        var clock = Stopwatch.StartNew();
        var countersBefore = model.Counters;
        var tally = new AccuracyTally();
        var outcomes = new List<QuestionOutcome>();
        var truncated = 0;
        using var writer = new ResultsFileWriter(resultsPath, header);
        var chunks = subjects.SelectMany(subject => PlanPrompts.OfSubject(plan, dataset, subject)
            .Select(p => ChatPromptRendering.Apply(ShotFitting.Apply(plan, p, model.Encode), model, plan.ChatOptions))
            .Chunk(ChunkSize)
            .Select(chunk => new PreparedChunk(subject, chunk, InChunk(plan, subject, chunk, () => chunk.Select(p => scorer.Prepare(model, p.ToScored())).ToArray()))));
        // Generation is the engine's own loop (decoding between tokens), so only log-likelihood runs prepare ahead.
        var prepareAhead = model.PreparesConcurrently && scoring.Scorer.ReadsLogLikelihoods();
        foreach (var (subject, chunk, questions) in prepareAhead ? ReadAhead.Of(chunks, PreparedChunksAhead, cancellationToken) : chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var outcome in ScoreChunk(scorer, plan, subject, chunk, questions, cancellationToken))
            {
                tally.Add(outcome, subject.Category);
                writer.Write(QuestionRecord.Of(outcome));
                outcomes.Add(outcome);
                truncated += outcome.TruncatedTokens > 0 ? 1 : 0;
            }

            progress?.Report(new EvaluationProgress(plan.Benchmark.ToId(), subject.Id, outcomes.Count, total) { Truncated = truncated });
        }

        var summary = SummaryOf(tally.ToScore(), settings.Average, model.Counters.Minus(countersBefore), clock.Elapsed);
        writer.Complete(summary);
        return new BenchmarkRun(header, summary, writer.FilePath, outcomes);
    }

    // An engine fault names the questions it happened on; what was answered before it is in the results sink and the cache.
    private IReadOnlyList<QuestionOutcome> ScoreChunk(IQuestionScorer scorer, EvaluationPlan plan, SubjectInfo subject, PlannedPrompt[] chunk, PromptedQuestion[] questions, CancellationToken cancellationToken) =>
        InChunk(plan, subject, chunk, () => scorer.Score(model, questions, cancellationToken));

    private static T InChunk<T>(EvaluationPlan plan, SubjectInfo subject, PlannedPrompt[] chunk, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (EngineFaultException e) when (e.Question is null)
        {
            var first = chunk[0].Question.Index;
            var last = chunk[^1].Question.Index;
            throw e.WithQuestion(string.Create(
                CultureInfo.InvariantCulture,
                $"{plan.Benchmark.ToId()}/{subject.Id} {(first == last ? $"question {first}" : $"questions {first}–{last} (one chunk)")}"));
        }
    }

    /// <summary>The settings a results file records for <paramref name="plan"/>: what the protocol decided and the plan overrode.</summary>
    public static RunSettings RunSettingsOf(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var settings = plan.Settings;
        var scoring = plan.Scoring;
        return new RunSettings(
            plan.Benchmark.ToId(),
            plan.Protocol.Name,
            settings.ScoredSplit.ToString().ToLowerInvariant(),
            settings.Average.ToString().ToLowerInvariant(),
            plan.EffectiveShots,
            plan.Chat,
            scoring.Scorer.ToId(),
            plan.Limit,
            scoring.Truncation.MaxContextTokens,
            scoring.Rule?.ToString(),
            scoring.Generation is { } g ? new RunGeneration(g.MaxNewTokens, g.Temperature, g.Seed, g.StopStrings ?? [], g.TopP, g.TopK, g.MinP, g.RepetitionPenalty, g.PresencePenalty) : null,
            plan.Protocol.TemplateFingerprint,
            plan.Repeat)
        {
            Truncation = scoring.Truncation.Id,
            Reading = settings.Reading.Id,
            Tokenization = scoring.Scorer.ReadsLogLikelihoods() ? scoring.Tokenization.ToId() : null,
            Extractor = scoring.Extractor?.Name,
        };
    }

    private RunHeader HeaderOf(EvaluationPlan plan, IBenchmarkDataset dataset, IReadOnlyList<SubjectInfo> subjects, RunSettings settings)
    {
        var split = plan.Settings.ScoredSplit;
        var dataFiles = subjects.SelectMany(s => plan.EffectiveShots > 0 ? new[] { dataset.PathOf(s.Id, Split.Dev), dataset.PathOf(s.Id, split) } : [dataset.PathOf(s.Id, split)]);
        var environment = RunEnvironmentProbe.Capture(model.EngineDescription, model.Info.ExecutionProvider, model.Info.Folder, plan.DataFolder, dataFiles);
        return new RunHeader(
            model.Info.Name,
            model.Info.Folder,
            model.Info.Kind.ToId(),
            settings,
            Path.GetFullPath(plan.DataFolder),
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            environment,
            RunIdentity.Of(settings, environment))
        {
            ModelKindSource = model.Info.KindSource.ToId(),
        };
    }

    private static RunSummary SummaryOf(BenchmarkScore score, AverageKind average, InferenceCounters used, TimeSpan elapsed) => new(
        score.Micro.Total,
        score.Micro.Correct,
        score.Headline(average),
        average.ToString().ToLowerInvariant(),
        score.Micro,
        score.Macro,
        score.Subjects.Sum(s => s.Unparsable),
        score.Subjects.Sum(s => s.Truncated),
        score.Subjects,
        score.Categories,
        new RunCounters(used.PrefilledTokens, used.ReusedTokens, used.ForwardCalls, used.ForwardTime.TotalSeconds, elapsed.TotalSeconds));

    /// <summary>The plan's subjects (all when it names none); unknown ones are refused by the validator.</summary>
    internal static IReadOnlyList<SubjectInfo> SelectSubjects(IBenchmarkDataset dataset, IReadOnlyList<string>? wanted)
    {
        if (wanted is null || wanted.Count == 0)
        {
            return dataset.Subjects;
        }

        var byId = dataset.Subjects.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return wanted.Select(id => byId.TryGetValue(id, out var s)
            ? s
            : throw new EvalInputException($"subject '{id}' is not in this data folder; present: {string.Join(", ", byId.Keys.Take(8))}{(byId.Count > 8 ? ", …" : "")}.", file: dataset.Root, field: "subject")).ToList();
    }

    /// <summary>One subject's chunk of prompts and the questions the scorer prepared from them (<see cref="IQuestionScorer.Prepare"/>).</summary>
    private sealed record PreparedChunk(SubjectInfo Subject, PlannedPrompt[] Prompts, PromptedQuestion[] Questions);
}
