using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Results;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Inference.Suites;

/// <summary>
/// Runs suite cases: resolves each case's model folder (exported, or generated for tiny models), loads
/// each model once and shares it between cases, and evaluates the case's benchmark with its protocol.
/// Cases of one model run one at a time (a loaded model is not thread-safe).
/// </summary>
public sealed class SuiteCaseRunner(SuiteRunSettings settings) : IDisposable
{
    private readonly LanguageModelPool _models = new();

    public SuiteRunSettings Settings => settings;

    /// <summary>The model folder a case uses, generating a tiny model when the suite says so.</summary>
    public string ResolveModelFolder(EvalSuite suite, SuiteCase suiteCase)
    {
        var model = ModelOf(suite, suiteCase);
        return model.Generated is { } generated
            ? TinyModelCache.GetOrCreate(SpecOf(generated, model.Kind), settings.TinyModelsFolder)
            : Path.Combine(settings.ModelsFolder ?? throw new EvalInputException($"case {suiteCase.Id} needs -p:EvalModelsDir.", field: "EvalModelsDir"), model.Folder);
    }

    /// <summary>Evaluates one case and writes its results JSON under the output folder.</summary>
    public BenchmarkRun Run(EvalSuite suite, SuiteCase suiteCase, CancellationToken cancellationToken = default)
    {
        var generated = ModelOf(suite, suiteCase).Generated is not null;
        var plan = PlanOf(suiteCase, generated ? settings.SampleFolder : settings.DataFolder ?? settings.SampleFolder, generated ? suiteCase.Limit : settings.Limit ?? suiteCase.Limit)
            with { AllowKindMismatch = suite.AllowKindMismatch };
        EvaluationPlanValidator.ThrowIfInvalid([plan], new ModelKindFact(suiteCase.ModelId, null, suiteCase.Kind, ModelKindSource.Declared));
        var model = _models.Get(ResolveModelFolder(suite, suiteCase), new GenAiModelOptions(settings.Device, DeclaredKind: suiteCase.Kind));
        var path = Path.Combine(settings.OutputFolder, suiteCase.Id.Replace('/', Path.DirectorySeparatorChar) + ".json");
        lock (model)
        {
            return new BenchmarkEvaluator(model, GenAiLanguageModel.EngineDescription).Run(plan, path, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The plan of a case: its protocol, form, shots, thinking mode and the scorer the suite names (the validator
    /// refuses a scorer the protocol does not use), on <paramref name="dataFolder"/> with <paramref name="limit"/> questions per subject.
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

    public void Dispose() => _models.Dispose();

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
