using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Evaluation;

/// <summary>
/// A deterministic stand-in for a model: a continuation's log-likelihood comes from a function of
/// (context, continuation), generation from a function of the prompt. Counts calls.
/// </summary>
public sealed class FakeLanguageModel(
    Func<string, string, double> logProb,
    Func<string, string>? generate = null,
    ModelKind kind = ModelKind.Base,
    Func<IReadOnlyList<ChatTurn>, bool, string>? chatTemplate = null) : ILanguageModel
{
    public ModelInfo Info { get; } = new("fake", null, kind, 4096, 256, kind == ModelKind.Instruct, "cpu");

    public GenerationSupport Generation => GenerationSupport.All;

    public InferenceCounters Counters => InferenceCounters.Zero;

    public bool PreparesConcurrently { get; init; }

    /// <summary>Encoding a text that contains this fails as a tokenizer fault of the engine would.</summary>
    public string? FailsToEncode { get; init; }

    /// <summary>The managed threads Encode and Score ran on.</summary>
    public HashSet<int> EncodeThreads { get; } = [];

    public HashSet<int> ScoreThreads { get; } = [];

    public int ScoredRequests { get; private set; }

    /// <summary>Every scoring request received, in order.</summary>
    public List<LogLikelihoodRequest> Requests { get; } = [];

    public int Generations { get; private set; }

    public IReadOnlyList<int> Encode(string text)
    {
        lock (EncodeThreads)
        {
            EncodeThreads.Add(Environment.CurrentManagedThreadId);
        }

        if (FailsToEncode is { } marker && text.Contains(marker, StringComparison.Ordinal))
        {
            throw new EngineFaultException("fake", "tokenizing", null, "the tokenizer failed", "the fake's tokenizer");
        }

        return [.. text.Select(c => (int)c)];
    }

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ScoreThreads.Add(Environment.CurrentManagedThreadId);
        ScoredRequests += requests.Count;
        Requests.AddRange(requests);
        return [.. requests.Select(r => new LogLikelihoodResult(
            [.. r.Continuations.Select(c => new ContinuationScore(logProb(r.Context, c), Math.Max(1, c.Length), false))],
            r.Context.Length,
            0,
            r.IncludeContextLogProb ? -r.Context.Length : null))];
    }

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        Generations++;
        return generate?.Invoke(prompt) ?? "The answer is B.";
    }

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) => chatTemplate is not null
        ? chatTemplate(messages, addGenerationPrompt)
        : string.Concat(messages.Select(m => $"<|im_start|>{m.Role}\n{m.Content}<|im_end|>\n")) + (addGenerationPrompt ? "<|im_start|>assistant\n" : "");

    public void Dispose()
    {
    }
}
