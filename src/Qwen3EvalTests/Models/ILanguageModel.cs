namespace Qwen3EvalTests.Models;

/// <summary>
/// A loaded model that can score continuations and generate text. The one seam between the
/// domain (benchmarks, prompts, scoring) and an inference engine.
/// Implementations reuse the KV cache of the longest token prefix shared with the previous
/// request, so a subject's few-shot prefix is encoded once; results must equal full-prompt scoring.
/// </summary>
public interface ILanguageModel : IDisposable
{
    ModelInfo Info { get; }

    /// <summary>
    /// The engine, its versions and the settings that change its numbers, as every run's environment records it (a score factor, so
    /// part of the run identity). A property of the opened model: no caller adds to it.
    /// </summary>
    string EngineDescription { get; }

    /// <summary>What makes two loaded models give the same answers: the key the request cache stores their answers under.</summary>
    ModelIdentity Identity { get; }

    /// <summary>Which generation settings this engine honours: the plan validator refuses the others, so none is ignored silently.</summary>
    GenerationSupport Generation { get; }

    /// <summary>Counters since the model was loaded.</summary>
    InferenceCounters Counters { get; }

    /// <summary>Token ids of <paramref name="text"/> (no special tokens added).</summary>
    IReadOnlyList<int> Encode(string text);

    /// <summary>
    /// <see cref="Encode"/> and <see cref="ApplyChatTemplate"/> may be called on another thread while <see cref="Score"/>
    /// runs, so the evaluator renders and tokenizes the next questions while the engine scores (false: one thread does all).
    /// </summary>
    bool PreparesConcurrently => false;

    /// <summary>Scores every request, in order. Batching is the implementation's choice; answers do not depend on it.</summary>
    IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Generates a continuation of <paramref name="prompt"/> (already rendered: a chat prompt comes through its template first).</summary>
    string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Renders chat messages with the model's own chat template (tokenizer_config.json's chat_template).</summary>
    /// <exception cref="EvalInputException">The model has no chat template (a base model).</exception>
    string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null);
}
