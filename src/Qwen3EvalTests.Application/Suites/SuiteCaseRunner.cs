using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Scoring;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Application.Suites;

/// <summary>
/// Runs suite cases: resolves each case's model folder (exported, or generated for tiny models), loads
/// each model once and shares it between cases, and evaluates the case's benchmark with its protocol.
/// Cases of one model run one at a time (a loaded model is not thread-safe).
/// </summary>
public sealed class SuiteCaseRunner(SuiteRunSettings settings) : IDisposable
{
    private readonly LanguageModelPool _models = new();
    private ILanguageModel? _served;

    public SuiteRunSettings Settings => settings;

    /// <summary>The model folder a case uses, generating a tiny model when the suite says so.</summary>
    public string ResolveModelFolder(EvalSuite suite, SuiteCase suiteCase)
    {
        var model = ModelOf(suite, suiteCase);
        return model.Generated is { } generated
            ? TinyModelCache.GetOrCreate(SpecOf(generated, model.Kind), settings.TinyModelsFolder)
            : Path.Combine(settings.ModelsFolder ?? throw new EvalInputException($"case {suiteCase.Id} needs -p:EvalModelsDir.", field: "EvalModelsDir"), model.Folder);
    }

    /// <summary>
    /// Evaluates one case <see cref="SuiteCase.Repeats"/> times and writes each run's results JSON under the output folder
    /// (<c>&lt;case&gt;.json</c>, or <c>&lt;case&gt;-r1.json</c> … for repeats). Repeat i samples with seed i − 1.
    /// </summary>
    public IReadOnlyList<BenchmarkRun> Run(EvalSuite suite, SuiteCase suiteCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var generated = ModelOf(suite, suiteCase).Generated is not null;

        // A case with a recording is compared with it question by question, so the smoke-run limit (EvalLimit) does not apply to it.
        var recorded = suiteCase.Baseline.RecordingPath is not null;
        var first = PlanOf(suiteCase, generated ? settings.SampleFolder : settings.DataFolder ?? settings.SampleFolder, generated || recorded ? suiteCase.Limit : settings.Limit ?? suiteCase.Limit)
            with { AllowKindMismatch = suite.AllowKindMismatch };
        var plans = Enumerable.Range(1, suiteCase.Repeats).Select(repeat => first.ForRepeat(repeat, suiteCase.Repeats)).ToList();
        var served = generated ? null : settings.Served;
        EvaluationPlanValidator.ThrowIfInvalid(plans, new ModelKindFact(suiteCase.ModelId, null, suiteCase.Kind, ModelKindSource.Declared), engine: served is null ? GenerationSupport.GenAi : GenerationSupport.Served);
        var model = served is null
            ? _models.Get(EngineSpec.GenAi(ResolveModelFolder(suite, suiteCase), settings.Device, declaredKind: suiteCase.Kind), cancellationToken)
            : ServedFor(ModelOf(suite, suiteCase), suiteCase.Kind, cancellationToken);
        var runs = new List<BenchmarkRun>();
        foreach (var plan in plans)
        {
            var path = Path.Combine(settings.OutputFolder, SuiteCase.ResultsFileName(suiteCase.Id, plan.Repeat));
            lock (model)
            {
                runs.Add(new BenchmarkEvaluator(model).Run(plan, path, cancellationToken: cancellationToken));
            }
        }

        return runs;
    }

    /// <summary>
    /// The model the served engine serves (connected once per runner), or null without a served engine. A case runs on it
    /// only when it serves that case's model (<see cref="SuiteModel.Serves"/>).
    /// </summary>
    public string? ServedModelName(CancellationToken cancellationToken = default) => settings.Served is null ? null : Served(cancellationToken).Info.Name;

    private ILanguageModel ServedFor(SuiteModel model, ModelKind kind, CancellationToken cancellationToken)
    {
        var served = Served(cancellationToken, kind);
        return model.Serves(served.Info.Name)
            ? served
            : throw new EvalInputException(
                $"the served engine at {RedactedEndpoint.Of(settings.Served!.Endpoint!)} serves '{served.Info.Name}', not {model.HuggingFace ?? model.Folder}; start the server with that model (README: 'Served engines') or run only its cases.",
                field: "EvalEndpoint");
    }

    private ILanguageModel Served(CancellationToken cancellationToken, ModelKind? kind = null)
    {
        lock (_models)
        {
            return _served ??= EngineCatalog.Open(settings.Served! with { DeclaredKind = kind }, cancellationToken);
        }
    }

    /// <summary>
    /// The plan of a case: its protocol, form, shots, thinking mode and the scorer the suite names (the validator
    /// refuses a scorer the protocol does not use), on <paramref name="dataFolder"/> with <paramref name="limit"/> questions per subject.
    /// A generation case in a Qwen3 mode generates with the Qwen3 report's settings for that mode
    /// (<see cref="GenerationSettings.Qwen3Report"/>), not the protocol's greedy default.
    /// </summary>
    public static EvaluationPlan PlanOf(SuiteCase suiteCase, string dataFolder, int? limit)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        return new EvaluationPlan(
            suiteCase.Benchmark,
            PromptProtocols.Get(suiteCase.Protocol),
            dataFolder,
            suiteCase.Shots,
            suiteCase.Chat,
            ChatOptionsOf(suiteCase.Mode),
            limit,
            Generation: suiteCase.Scoring == ScorerKind.GenerateAndExtract && ThinkingModes.TryParse(suiteCase.Mode, out var mode) ? GenerationSettings.Qwen3Report(mode) : null,
            Scorer: suiteCase.Scoring);
    }

    /// <summary>The run as a recording: what `baseline record` writes and the drift gate compares with.</summary>
    public static RecordedRun ToRecording(SuiteCase suiteCase, BenchmarkRun run, string dataName)
    {
        ArgumentNullException.ThrowIfNull(run);
        var questions = run.Answers();
        return new RecordedRun(
            RecordedRun.CurrentFormatVersion,
            suiteCase.Id,
            suiteCase.ModelId,
            suiteCase.Benchmark.ToId(),
            suiteCase.Protocol,
            suiteCase.Shots,
            suiteCase.Limit,
            dataName,
            run.Summary.Accuracy,
            questions);
    }

    public void Dispose()
    {
        _models.Dispose();
        _served?.Dispose();
    }

    private static SuiteModel ModelOf(EvalSuite suite, SuiteCase suiteCase) =>
        suite.Models.FirstOrDefault(m => m.Id == suiteCase.ModelId)
        ?? throw new InvalidOperationException($"case {suiteCase.Id} names model {suiteCase.ModelId}, which suite {suite.Name} lacks");

    private static TinyModelSpec SpecOf(GeneratedModel generated, ModelKind kind) => new(
        Seed: generated.Seed,
        Tokenizer: generated.Tokenizer == "qwen3" ? TinyTokenizerKind.Qwen3 : TinyTokenizerKind.Bytes,
        PlantedAnswer: generated.PlantedAnswer is { Length: 1 } letter ? letter[0] : null,
        Kind: kind);

    /// <summary>The chat layout of a suite mode: Qwen3's "non-thinking" renders enable_thinking=false (an empty think block).</summary>
    public static ChatOptions? ChatOptionsOf(string? mode) =>
        ThinkingModes.TryParse(mode, out var thinking) ? new ChatOptions(EnableThinking: thinking == ThinkingMode.Thinking) : null;
}
