using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Checks every plan of a command — all benchmarks, repeats, sensitivity rows, suite cases — before any model
/// loads, and reports every problem together: limits, shots the protocol accepts and the dev split holds,
/// the scorer the caller expects, overrides that fit the scorer, generation settings the engine honours, the model kind against the form, and the data
/// (each planned benchmark's folder complete and every row readable, its scored split answered, its subjects present).
/// </summary>
public static class EvaluationPlanValidator
{
    /// <summary>Every problem of <paramref name="plans"/>; empty when all can run.</summary>
    /// <param name="plans">The plans of one command.</param>
    /// <param name="model">The model they will run on (its kind decides base vs chat), or null to skip that check.</param>
    /// <param name="validateData">Read every data file of each planned benchmark (once per folder and benchmark).</param>
    /// <param name="engine">Which generation settings the engine honours; null: <see cref="GenerationSupport.GenAi"/>, the in-process default.</param>
    public static IReadOnlyList<InputProblem> Validate(IEnumerable<EvaluationPlan> plans, ModelKindFact? model, bool validateData = true, GenerationSupport? engine = null)
    {
        engine ??= GenerationSupport.GenAi;
        ArgumentNullException.ThrowIfNull(plans);
        var problems = new List<InputProblem>();
        var dataChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            if (plan.Protocol.Refusal(plan.Benchmark, plan.Chat) is { } refusal)
            {
                problems.Add(new InputProblem($"plan {plan.Benchmark.ToId()} · {plan.Protocol.Name}", null, "benchmark", refusal));
                continue;
            }

            var where = string.Create(CultureInfo.InvariantCulture, $"plan {plan.Benchmark.ToId()} · {plan.Protocol.Name} · {plan.Settings.Form}");
            void Add(string? field, string message, string? file = null) => problems.Add(new InputProblem(file ?? where, null, field, message));

            foreach (var (field, message) in plan.Settings.Disallowed(plan.Scorer, plan.Shots))
            {
                Add(field, message);
            }

            if (plan.Limit is < 1)
            {
                Add("limit", string.Create(CultureInfo.InvariantCulture, $"limit must be at least 1 question per subject, not {plan.Limit}; drop --limit to score every question."));
            }

            if (plan.ChoiceRule is not null && !plan.Settings.Scorer.ReadsLogLikelihoods())
            {
                Add("choice rule", $"a choice rule applies to log-likelihood scoring, but protocol {plan.Protocol.Name} generates answers in the {plan.Settings.Form} form; drop the choice rule or use the base form.");
            }

            foreach (var message in plan.Scoring.Generation?.NotHonouredBy(engine) ?? [])
            {
                Add("generation", message);
            }

            if (plan.Chat && plan.ChatOptions is { } chatOptions && plan.Protocol.ChatOptionsRefusal(chatOptions) is { } chatRefusal)
            {
                Add("enable_thinking", chatRefusal);
            }

            if (ThinkingProblem(plan) is { } thinking)
            {
                Add("generation", thinking);
            }

            if (model is not null && KindMismatch(model, plan) is { } mismatch)
            {
                problems.Add(new InputProblem(model.Folder ?? model.Name, null, "chat", mismatch));
            }

            problems.AddRange(DataProblems(plan, validateData ? dataChecked : null));
        }

        return problems.Distinct().ToList();
    }

    /// <summary>
    /// A thinking-mode generation plan that cannot measure what the Qwen3 report measured: greedy decoding (Qwen3's model
    /// card: "DO NOT use greedy decoding" in thinking mode, it degrades and repeats endlessly) or a budget below the
    /// report's 32,768 new tokens, which cuts the think block before its answer. Null when the plan is not such a plan.
    /// </summary>
    private static string? ThinkingProblem(EvaluationPlan plan)
    {
        if (plan.ChatOptions?.EnableThinking != true || plan.Scoring.Generation is not { } generation)
        {
            return null;
        }

        var report = GenerationSettings.Qwen3Thinking;
        var wrong = new List<string>();
        if (generation.IsGreedy)
        {
            wrong.Add("greedy decoding");
        }

        if (generation.MaxNewTokens < report.MaxNewTokens)
        {
            wrong.Add(string.Create(CultureInfo.InvariantCulture, $"at most {generation.MaxNewTokens} new tokens"));
        }

        return wrong.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"thinking mode with {string.Join(" and ", wrong)} cannot reproduce the Qwen3 report: greedy thinking degrades and repeats (Qwen3's model card), and a short budget cuts the think block before the answer. " +
                $"Use the report's thinking settings (GenerationSettings.Qwen3Thinking: temperature 0.6, top-p 0.95, top-k 20, {report.MaxNewTokens} new tokens; a suite case with mode: thinking gets them).");
    }

    /// <summary>Throws one <see cref="EvalInputException"/> listing every problem of <paramref name="plans"/>, if any.</summary>
    public static void ThrowIfInvalid(IEnumerable<EvaluationPlan> plans, ModelKindFact? model, bool validateData = true, GenerationSupport? engine = null)
    {
        var problems = Validate(plans, model, validateData, engine);
        if (problems.Count == 0)
        {
            return;
        }

        if (problems.Count == 1)
        {
            var only = problems[0];
            throw new EvalInputException(only.Message + " (nothing was run)", only.File, only.Line, only.Where);
        }

        var lines = string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
        throw new EvalInputException($"{problems.Count} problems in the evaluation plan, so nothing was run; fix all of them and run again:{Environment.NewLine}{lines}");
    }

    /// <summary>
    /// A base model gets plain completion prompts, an instruct model its chat template. Asking for the other is the
    /// mistake behind "'Qwen2ForCausalLM' object has no attribute 'chat'": refused before any question runs, naming
    /// the model, who decided its kind, and the fix.
    /// </summary>
    public static string? KindMismatch(ModelKindFact model, EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.AllowKindMismatch)
        {
            return null;
        }

        if (plan.Chat && model.Kind == ModelKind.Base)
        {
            return $"model '{model.Name}' is a base model ({model.Why}), so it cannot be evaluated with the chat form. "
                + "Use the completion form of the protocol (drop --chat; 5-shot for base models), point --model at the instruct model, "
                + "or declare it instruct (run --kind instruct, suite kind: instruct). For a deliberate sensitivity study set allowKindMismatch: true in the suite.";
        }

        if (!plan.Chat && model.Kind == ModelKind.Instruct)
        {
            return $"model '{model.Name}' is an instruct model ({model.Why}), so it must be evaluated with the chat form. "
                + "Add --chat (the prompt then goes through its chat template), point --model at the base model, "
                + "or declare it base (run --kind base, suite kind: base). For a deliberate sensitivity study set allowKindMismatch: true in the suite.";
        }

        return null;
    }

    /// <param name="plan">The plan.</param>
    /// <param name="filesRead">When not null: also read every file the plan reads (each once per command), collecting bad rows.</param>
    private static IEnumerable<InputProblem> DataProblems(EvaluationPlan plan, HashSet<string>? filesRead)
    {
        IBenchmarkDataset dataset;
        try
        {
            dataset = DataFolder.Open(plan.DataFolder, plan.Benchmark);
        }
        catch (EvalInputException e)
        {
            return [InputProblem.From(e, Path.GetFullPath(plan.DataFolder))];
        }

        var problems = new List<InputProblem>();
        var split = plan.Settings.ScoredSplit;
        if (!dataset.HasAnswers(split))
        {
            problems.Add(new InputProblem(dataset.Root, null, "split", $"the {split.ToString().ToLowerInvariant()} split of {plan.Benchmark.ToId()} has no answers, so it cannot be scored; use a protocol that scores another split."));
            return problems;
        }

        IReadOnlyList<SubjectInfo> subjects;
        try
        {
            subjects = BenchmarkEvaluator.SelectSubjects(dataset, plan.Subjects);
        }
        catch (EvalInputException e)
        {
            problems.Add(InputProblem.From(e, dataset.Root));
            return problems;
        }

        if (subjects.Count == 0)
        {
            problems.Add(new InputProblem(dataset.Root, null, null, $"no {plan.Benchmark.ToId()} subjects in this folder: nothing to score; expected <subject>{BenchmarkFormat.Of(plan.Benchmark).FileSuffix(split)}.csv files."));
        }

        var shots = plan.EffectiveShots;
        var read = subjects.SelectMany(s => shots > 0 ? new[] { (s.Id, split), (s.Id, Split.Dev) } : [(s.Id, split)])
            .Where(f => filesRead is null || filesRead.Add(dataset.PathOf(f.Item1, f.Item2)))
            .ToList();
        if (filesRead is not null)
        {
            problems.AddRange(DataFolderValidator.ValidateFiles(dataset, read));
        }

        foreach (var subject in subjects)
        {
            var scored = dataset.PathOf(subject.Id, split);
            if (filesRead is null && !File.Exists(scored))
            {
                problems.Add(new InputProblem(scored, null, null, $"subject '{subject.Id}' has no {split.ToString().ToLowerInvariant()} file, which this run reads: add it or leave the subject out."));
            }

            var dev = dataset.PathOf(subject.Id, Split.Dev);
            if (shots <= 0)
            {
                continue;
            }

            if (!File.Exists(dev))
            {
                if (filesRead is null)
                {
                    problems.Add(new InputProblem(dev, null, "shots", string.Create(CultureInfo.InvariantCulture, $"{shots}-shot prompts read the dev file of '{subject.Id}', which is missing; add it, or use --shots 0.")));
                }
            }
            else if (CountRows(dataset, subject.Id, shots) is var rows && rows < shots)
            {
                problems.Add(new InputProblem(dev, null, "shots", string.Create(CultureInfo.InvariantCulture, $"the dev split has {rows} rows but {shots} shots were requested; pass fewer shots (--shots) or use a complete dev file.")));
            }
        }

        return problems;
    }

    private static int CountRows(IBenchmarkDataset dataset, string subject, int atMost)
    {
        try
        {
            return dataset.Read(subject, Split.Dev).Take(atMost).Count();
        }
        catch (EvalInputException)
        {
            return atMost; // reported by the data validation with its line
        }
    }
}
