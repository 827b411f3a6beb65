using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// The backend seam: every public call into the engine runs through <see cref="Guarded{T}"/>, which turns an exception
/// of ONNX Runtime GenAI (or of its native library) into an <see cref="EngineFaultException"/> naming the model folder,
/// the tokens of the failing engine call and what to check. Bad input (<see cref="EvalInputException"/>) and
/// cancellation pass through unchanged.
/// </summary>
public sealed partial class GenAiLanguageModel
{
    /// <summary>Tokens the generator held plus those appended in the last engine call of the current public call.</summary>
    private int? engineTokens;

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default) =>
        Guarded("scoring", () => ScoreUnguarded(requests, cancellationToken));

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default) =>
        Guarded("generation", () => GenerateUnguarded(prompt, settings, cancellationToken));

    public IReadOnlyList<int> Encode(string text) => GuardedTokenizer("tokenizing", () => EncodeUnguarded(text));

    public string Decode(IReadOnlyList<int> tokens) => GuardedTokenizer("decoding", () => DecodeUnguarded(tokens));

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null) =>
        GuardedTokenizer("the chat template", () => ApplyChatTemplateUnguarded(messages, addGenerationPrompt, arguments ?? ChatTemplateArguments.None));

    /// <summary>
    /// The tokenizer and the generators are separate native objects, and the tokenizer's calls take turns
    /// (<see cref="PrefixReusingEncoder"/>): the evaluator may tokenize on another thread while a generator runs.
    /// </summary>
    public bool PreparesConcurrently => true;

    private T Guarded<T>(string operation, Func<T> call)
    {
        var outer = engineTokens;
        engineTokens = null;
        try
        {
            return call();
        }
        catch (Exception e) when (e is OnnxRuntimeGenAIException or ExternalException)
        {
            // A reused generator may hold a KV cache that no longer matches the tokens it is said to hold: start afresh.
            DiscardReusedGenerators();
            throw new EngineFaultException(folder.Folder, operation, engineTokens, e.Message, CheckFor(operation), e);
        }
        finally
        {
            engineTokens ??= outer;
        }
    }

    // A tokenizer call may run beside an engine call (PreparesConcurrently): it leaves the engine's state alone — no tokens to
    // name, and no generator to discard (a tokenizer fault does not touch a KV cache).
    private T GuardedTokenizer<T>(string operation, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is OnnxRuntimeGenAIException or ExternalException)
        {
            throw new EngineFaultException(folder.Folder, operation, null, e.Message, CheckFor(operation), e);
        }
    }

    private void DiscardReusedGenerators()
    {
        scoringCache?.Dispose();
        scoringCache = null;
        generationCache?.Dispose();
        generationCache = null;
    }

    private void TrackEngineCall(int held, int appended) => engineTokens = held + appended;

    private string CheckFor(string operation) => operation switch
    {
        "tokenizing" or "decoding" or "the chat template" =>
            $"tokenizer.json and tokenizer_config.json in {folder.Folder} (copy them again from the Hugging Face model)",
        _ =>
            $"that the request fits the model: context_length {folder.ContextLength} and vocab_size {folder.VocabSize} in {folder.ConfigPath} "
            + $"must match what the ONNX graph {folder.ModelPath} supports (re-export the model folder), and the execution provider '{options.ExecutionProvider}' (--device)",
    };
}
