using System.Diagnostics;
using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Runs one benchmark on one model: streams each subject's scored split, renders every question
/// with the protocol, scores it (log-likelihood or generate-then-extract), and streams the outcome
/// into the results file. Questions of a subject go to the model in chunks that share the subject's
/// few-shot prefix, so the backend encodes that prefix once.
/// </summary>
public sealed class BenchmarkEvaluator(ILanguageModel model, string engine)
{
    /// <summary>Questions handed to the model in one <see cref="ILanguageModel.Score"/> call.</summary>
    public int ChunkSize { get; init; } = 16;

    public BenchmarkRun Run(EvaluationPlan plan, string resultsPath, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ModelKindGuard.Check(model.Info, plan.Chat, plan.AllowKindMismatch);
        var dataset = DataFolder.Open(plan.DataFolder, plan.Benchmark);
        var split = plan.Protocol.ScoredSplit(plan.Benchmark);
        if (!dataset.HasAnswers(split))
        {
            throw new EvalInputException($"the {split.ToString().ToLowerInvariant()} split of {plan.Benchmark.ToId()} has no answers, so it cannot be scored; use a protocol that scores another split.", file: dataset.Root);
        }

        var subjects = SelectSubjects(dataset, plan.Subjects);
        var shots = plan.EffectiveShots;
        var dataFiles = subjects.SelectMany(s => shots > 0 ? new[] { dataset.PathOf(s.Id, Split.Dev), dataset.PathOf(s.Id, split) } : [dataset.PathOf(s.Id, split)]);
        var settings = new RunSettings(
            plan.Benchmark.ToId(),
            plan.Protocol.Name,
            split.ToString().ToLowerInvariant(),
            plan.Protocol.Average(plan.Benchmark).ToString().ToLowerInvariant(),
            shots,
            plan.Chat,
            ScoringName(plan),
            plan.Limit,
            null,
            plan.Scoring == ScoringMode.GenerateAndExtract ? null : EffectiveRule(plan).ToString(),
            plan.Scoring == ScoringMode.GenerateAndExtract ? GenerationOf(plan.EffectiveGeneration) : null,
            TemplatesHash(plan.Protocol),
            plan.Repeat);
        var environment = RunEnvironmentProbe.Capture(engine, model.Info.ExecutionProvider, model.Info.Folder, plan.DataFolder, dataFiles);
        var header = new RunHeader(
            model.Info.Name,
            model.Info.Folder,
            model.Info.Kind.ToString().ToLowerInvariant(),
            settings,
            Path.GetFullPath(plan.DataFolder),
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            environment,
            RunIdentity.Of(settings, environment));
        int? total = progress is null ? null : (int)subjects.Sum(s => Math.Min(dataset.CountQuestions(s.Id, split), plan.Limit ?? long.MaxValue));

        var clock = Stopwatch.StartNew();
        var countersBefore = model.Counters;
        var tally = new AccuracyTally();
        using var writer = new ResultsFileWriter(resultsPath, header);
        var done = 0;
        foreach (var subject in subjects)
        {
            var shotQuestions = shots > 0 ? ShotSelection.FirstK(ReadDev(dataset, subject.Id, shots), shots) : [];
            var questions = dataset.Read(subject.Id, split);
            if (plan.Limit is { } limit)
            {
                questions = questions.Take(limit);
            }

            foreach (var chunk in questions.Chunk(ChunkSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var outcome in ScoreChunk(plan, subject, shotQuestions, chunk, cancellationToken))
                {
                    tally.Add(outcome, subject.Category);
                    writer.Write(ToRecord(outcome));
                    done++;
                }

                progress?.Report(new EvaluationProgress(plan.Benchmark.ToId(), subject.Id, done, total));
            }
        }

        var score = tally.ToScore();
        var average = plan.Protocol.Average(plan.Benchmark);
        var used = model.Counters.Minus(countersBefore);
        var summary = new RunSummary(
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
            new RunCounters(used.PrefilledTokens, used.ReusedTokens, used.ForwardCalls, used.ForwardTime.TotalSeconds, clock.Elapsed.TotalSeconds));
        writer.Complete(summary);
        return new BenchmarkRun(header, summary, writer.FilePath);
    }

    private IEnumerable<QuestionOutcome> ScoreChunk(EvaluationPlan plan, SubjectInfo subject, IReadOnlyList<Question> shots, Question[] chunk, CancellationToken cancellationToken)
    {
        var prompts = chunk.Select(q => plan.Protocol.Render(new PromptRequest(q, subject, shots, plan.Chat, plan.ChatOptions))).ToArray();
        if (plan.Scoring == ScoringMode.GenerateAndExtract)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Generate(plan, chunk[i], prompts[i], cancellationToken);
            }

            yield break;
        }

        var rule = plan.ChoiceRule ?? RuleOf(prompts[0]);
        var requests = prompts
            .Select(p => new LogLikelihoodRequest(p.Text, p.Continuations, p.MaxContextTokens, IncludeContextLogProb: rule == ChoiceRule.SequencePerplexity, NextTokenOnly: p.Scoring == ScoringMode.NextTokenChoice && plan.ChoiceRule is null))
            .ToArray();
        var results = model.Score(requests, cancellationToken);
        for (var i = 0; i < chunk.Length; i++)
        {
            var scores = ChoicePicker.Scores(results[i], rule);
            var picked = ChoicePicker.ArgMax(scores);
            yield return new QuestionOutcome(
                chunk[i].Subject,
                chunk[i].Index,
                AnswerOf(chunk[i]),
                Question.Letters[picked],
                scores,
                null,
                results[i].ContextTokenCount,
                results[i].TruncatedTokenCount);
        }
    }

    private QuestionOutcome Generate(EvaluationPlan plan, Question question, RenderedPrompt prompt, CancellationToken cancellationToken)
    {
        var extractor = prompt.Extractor
            ?? throw new InvalidOperationException($"protocol '{plan.Protocol.Name}' asked for generation without an answer extractor.");
        var output = model.Generate(prompt.Text, plan.EffectiveGeneration, cancellationToken);
        var predicted = extractor.Extract(output, question.Options);
        return new QuestionOutcome(question.Subject, question.Index, AnswerOf(question), predicted, [], output, model.Encode(prompt.Text).Count, 0);
    }

    /// <summary>The rule a log-likelihood run chooses by: the plan's override, else the protocol's.</summary>
    public static ChoiceRule EffectiveRule(EvaluationPlan plan) => plan.ChoiceRule
        ?? (plan.Scoring == ScoringMode.SequencePerplexity ? ChoiceRule.SequencePerplexity : ChoiceRule.LogLikelihood);

    private static RunGeneration GenerationOf(GenerationSettings g) => new(g.MaxNewTokens, g.Temperature, g.Seed, g.StopStrings ?? []);

    private static string? TemplatesHash(IPromptProtocol protocol) => protocol switch
    {
        QwenProtocol q => RunIdentity.HashText(q.Templates.ToString()),
        LmEvalProtocol l => RunIdentity.HashText(l.Templates.ToString()),
        OpenCompassProtocol o => RunIdentity.HashText(o.Templates.ToString()),
        _ => null,
    };

    private static ChoiceRule RuleOf(RenderedPrompt prompt) => prompt.ScoreWholeSequence || prompt.Scoring == ScoringMode.SequencePerplexity
        ? ChoiceRule.SequencePerplexity
        : ChoiceRule.LogLikelihood;

    private static string ScoringName(EvaluationPlan plan) => plan.Scoring switch
    {
        ScoringMode.GenerateAndExtract => "generation",
        ScoringMode.SequencePerplexity => "perplexity",
        ScoringMode.NextTokenChoice => "next-token",
        _ => plan.ChoiceRule == ChoiceRule.TokenNormalised ? "loglikelihood-normalised" : "loglikelihood",
    };

    private static char AnswerOf(Question question) => question.Answer
        ?? throw new EvalInputException("question has no answer but its split is scored.", file: question.Source.File, line: question.Source.Line, field: "answer");

    private static QuestionRecord ToRecord(QuestionOutcome outcome) => new(
        outcome.Subject,
        outcome.Index,
        outcome.Answer.ToString(),
        outcome.Predicted?.ToString(),
        outcome.Correct,
        outcome.Scores.Count > 0 ? outcome.Scores : null,
        outcome.Generated,
        outcome.PromptTokens,
        outcome.TruncatedTokens);

    private static IReadOnlyList<Question> ReadDev(IBenchmarkDataset dataset, string subject, int shots)
    {
        var dev = dataset.Read(subject, Split.Dev).Take(shots).ToList();
        if (dev.Count < shots)
        {
            throw new EvalInputException($"the dev split has {dev.Count} rows but {shots} shots were requested; pass fewer shots (--shots) or use a complete dev file.", file: dataset.PathOf(subject, Split.Dev), field: "shots");
        }

        return dev;
    }

    private static IReadOnlyList<SubjectInfo> SelectSubjects(IBenchmarkDataset dataset, IReadOnlyList<string>? wanted)
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
}
