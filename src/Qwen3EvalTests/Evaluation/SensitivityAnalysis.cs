using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Statistics;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Runs the same questions under the settings known to move scores, one factor at a time against
/// the reference setting (qwen protocol, 5-shot, base prompt, log-likelihood, the protocol's
/// average), and names the factor that moved the score most. Micro vs macro is recomputed from
/// the reference run, with no extra inference.
/// </summary>
public sealed class SensitivityAnalysis(ILanguageModel model)
{
    public const string ReferenceFactor = "reference";

    /// <summary>Every plan the analysis runs (the reference first), for <see cref="EvaluationPlanValidator"/> before the model loads.</summary>
    public static IReadOnlyList<EvaluationPlan> Plans(SensitivityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plans = new List<EvaluationPlan> { Plan(request, new QwenProtocol(), shots: 5) };
        foreach (var factor in request.Factors)
        {
            plans.AddRange(Variants(factor, request, reference: null, ModelKind.Base).Select(v => v.Plan).OfType<EvaluationPlan>());
        }

        return plans;
    }

    public SensitivityReport Run(SensitivityRequest request, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EvaluationPlanValidator.ThrowIfInvalid(Plans(request), model: null);
        var evaluator = new BenchmarkEvaluator(model);
        var kindNote = model.Info.Kind == ModelKind.Instruct
            ? "instruct model in the base (completion) form: kind mismatch allowed for this study"
            : null;
        var referencePlan = Plan(request, new QwenProtocol(), shots: 5);
        var reference = evaluator.Run(referencePlan, PathOf(request, "reference"), progress, cancellationToken);
        var referenceRow = Row(ReferenceFactor, "qwen, 5-shot, base, log-likelihood, " + reference.Summary.Average, reference, 0, kindNote);
        var rows = new List<SensitivityRow>();
        foreach (var factor in request.Factors)
        {
            foreach (var (setting, plan, note) in Variants(factor, request, reference, model.Info.Kind))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (plan is null)
                {
                    rows.Add(AverageRow(factor, setting, reference, note));
                    continue;
                }

                var run = evaluator.Run(plan, PathOf(request, $"{factor.ToId()}-{setting}"), progress, cancellationToken);
                rows.Add(Row(factor.ToId(), setting, run, reference.Summary.Accuracy, note ?? kindNote));
            }
        }

        var most = rows.OrderByDescending(r => Math.Abs(r.Delta)).FirstOrDefault();
        return new SensitivityReport(
            SensitivityReport.CurrentFormatVersion,
            request.Benchmark.ToId(),
            model.Info.Name,
            request.Limit,
            referenceRow,
            rows,
            most?.Factor,
            most?.Delta ?? 0);
    }

    private static IEnumerable<(string Setting, EvaluationPlan? Plan, string? Note)> Variants(SensitivityFactor factor, SensitivityRequest request, BenchmarkRun? reference, ModelKind kind)
    {
        switch (factor)
        {
            case SensitivityFactor.Protocol:
                yield return ("lm-eval", Plan(request, new LmEvalProtocol(), 5), null);
                yield return ("opencompass", Plan(request, new OpenCompassProtocol(), 5), "perplexity over the whole sequence, macro average");
                break;
            case SensitivityFactor.Shots:
                yield return ("0-shot", Plan(request, new QwenProtocol(), 0), null);
                break;
            case SensitivityFactor.Scoring:
                yield return ("length-normalised", Plan(request, new QwenProtocol(), 5) with { ChoiceRule = Scoring.ChoiceRule.TokenNormalised }, "log-likelihood per token; qwen generates only in its chat form (see the chat row)");
                break;
            case SensitivityFactor.Chat:
                yield return (
                    "chat",
                    Plan(request, new QwenProtocol(), 0) with { Chat = true },
                    kind == ModelKind.Base
                        ? "base model in chat form (AllowKindMismatch=true): 0-shot generation, for this study only"
                        : "chat form: 0-shot generation");
                break;
            case SensitivityFactor.AnswerSpace:
                // The MMLU layout answers " A" (flipped to "A"), the Chinese one "A" (flipped to " A").
                var spaced = QwenBenchmarkForms.ByBenchmark[request.Benchmark].Layout == QwenLayout.Mmlu;
                var templates = QwenTemplates.Default with
                {
                    MmluAnswerSeparator = spaced ? "" : " ",
                    ChineseAnswerSeparator = spaced ? "" : " ",
                };
                yield return (spaced ? "no-space" : "space", Plan(request, new QwenProtocol(templates), 5), spaced ? "answer token \"A\" instead of \" A\"" : "answer token \" A\" instead of \"A\"");
                break;
            case SensitivityFactor.Average:
                var other = reference?.Summary.Average == "micro" ? "macro" : "micro";
                yield return (other, null, "recomputed from the reference run's subjects (no extra inference)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(factor), factor, null);
        }
    }

    private static EvaluationPlan Plan(SensitivityRequest request, IPromptProtocol protocol, int shots) =>
        new(request.Benchmark, protocol, request.DataFolder, shots, Chat: false, Limit: request.Limit, AllowKindMismatch: true);

    private static string PathOf(SensitivityRequest request, string name) =>
        Path.Combine(request.OutputFolder, $"{request.Benchmark.ToId()}-{name}.json");

    private static SensitivityRow Row(string factor, string setting, BenchmarkRun run, double referenceScore, string? note)
    {
        var (low, high) = Interval(run.Summary.Accuracy, run.Summary.Questions);
        return new SensitivityRow(factor, setting, run.Summary.Accuracy, run.Summary.Accuracy - referenceScore, low, high, run.Summary.Questions, note, run.ResultsFile);
    }

    private static SensitivityRow AverageRow(SensitivityFactor factor, string setting, BenchmarkRun reference, string? note)
    {
        var s = reference.Summary;
        var score = setting == "macro" ? s.Macro : s.Micro.Value;
        var (low, high) = Interval(score, s.Questions);
        return new SensitivityRow(factor.ToId(), setting, score, score - s.Accuracy, low, high, s.Questions, note, reference.ResultsFile);
    }

    // Wilson at the question count; for a macro average this is an approximation (subjects weighted equally).
    private static (double Low, double High) Interval(double p, int n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        var interval = BinomialInterval.Wilson(Math.Clamp(p, 0, 1), n);
        return (interval.Lower, interval.Upper);
    }
}
