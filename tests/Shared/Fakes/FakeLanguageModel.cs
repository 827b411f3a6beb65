using System.Security.Cryptography;
using System.Text;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Testing;

/// <summary>
/// The one hand-written stand-in for a model in the tests, configured by what a test needs: a continuation's log-likelihood
/// from a function of (context, continuation) (<see cref="FakeLanguageModel(Func{string, string, double}, Func{string, string}?, ModelKind, Func{IReadOnlyList{ChatTurn}, bool, string}?)"/>),
/// or a whole result per request (<see cref="Scoring"/>), or values hashed from the text with all 53 bits in use, so a lossy
/// round trip would show (<see cref="Hashing"/>). It records what it was asked: every request, call, generation prompt and
/// the threads Encode and Score ran on.
/// </summary>
public sealed class FakeLanguageModel : ILanguageModel
{
    private readonly Func<LogLikelihoodRequest, ILanguageModel, LogLikelihoodResult> scoreOne;
    private readonly Func<string, GenerationSettings, string> generate;
    private readonly Func<string, IReadOnlyList<int>> encode;
    private readonly Func<IReadOnlyList<ChatTurn>, bool, ChatTemplateArguments, string> chatTemplate;

    /// <param name="logProb">A continuation's log-likelihood from (context, continuation); its token count is its length (at least 1).</param>
    /// <param name="generate">Generation from the prompt; null: "The answer is B.".</param>
    /// <param name="kind">Base or instruct (an instruct fake has a chat template).</param>
    /// <param name="chatTemplate">The chat template, which takes no template argument (as Qwen2.5's); null: ChatML with Qwen3's enable_thinking switch.</param>
    public FakeLanguageModel(
        Func<string, string, double> logProb,
        Func<string, string>? generate = null,
        ModelKind kind = ModelKind.Base,
        Func<IReadOnlyList<ChatTurn>, bool, string>? chatTemplate = null)
        : this(
            (r, _) => new LogLikelihoodResult(
                [.. r.Continuations.Select(c => new ContinuationScore(logProb(r.Context, c), Math.Max(1, c.Length), false))],
                r.Context.Length,
                0,
                r.IncludeContextLogProb ? -r.Context.Length : null),
            (prompt, _) => generate?.Invoke(prompt) ?? "The answer is B.",
            text => [.. text.Select(c => (int)c)],
            chatTemplate is null ? Qwen3ChatMl : (messages, addGenerationPrompt, _) => chatTemplate(messages, addGenerationPrompt),
            new ModelInfo("fake", null, kind, 4096, 256, kind == ModelKind.Instruct, "cpu"))
    {
    }

    private FakeLanguageModel(
        Func<LogLikelihoodRequest, ILanguageModel, LogLikelihoodResult> scoreOne,
        Func<string, GenerationSettings, string> generate,
        Func<string, IReadOnlyList<int>> encode,
        Func<IReadOnlyList<ChatTurn>, bool, ChatTemplateArguments, string> chatTemplate,
        ModelInfo info)
    {
        this.scoreOne = scoreOne;
        this.generate = generate;
        this.encode = encode;
        this.chatTemplate = chatTemplate;
        Info = info;
    }

    /// <summary>
    /// A fake whose scoring is <paramref name="scoreOne"/> (given each request and this model, for its encoder and context
    /// length), with a context far longer than any test needs: for tests that watch what a scorer asks the backend for.
    /// </summary>
    public static FakeLanguageModel Scoring(Func<LogLikelihoodRequest, ILanguageModel, LogLikelihoodResult> scoreOne)
    {
        var fake = new FakeLanguageModel((_, _) => -1);
        return new FakeLanguageModel(scoreOne, fake.generate, fake.encode, fake.chatTemplate, fake.Info with { ContextLength = 1 << 20 });
    }

    /// <summary>
    /// A deterministic fake whose answers derive from the text by SHA-256, every bit of a double in use (so a lossy round trip
    /// would show); greedy flags alternate with the continuation's length, generation depends on the seed. UTF-8 byte tokens.
    /// </summary>
    /// <param name="identity">The identity the fake reports (the request cache's key); null: the default.</param>
    public static FakeLanguageModel Hashing(ModelIdentity? identity = null) => new(
        (r, _) => new LogLikelihoodResult(
            [.. r.Continuations.Select(c => new ContinuationScore(-HashValue(r.Context + c), c.Length, c.Length % 2 == 0))],
            r.Context.Length,
            0,
            r.IncludeContextLogProb ? -HashValue(r.Context) : null),
        (prompt, settings) => $"answer {HashValue(prompt + settings.Seed):R}",
        text => [.. Encoding.UTF8.GetBytes(text).Select(b => (int)b)],
        (messages, _, _) => string.Concat(messages.Select(m => m.Content)),
        new ModelInfo("fake", null, ModelKind.Base, 2048, 256, false, "cpu"))
    {
        Identity = identity ?? DefaultIdentity,
    };

    /// <summary>What a fake reports as its identity unless told otherwise.</summary>
    public static ModelIdentity DefaultIdentity { get; } = new("fake-model", "cpu");

    public ModelInfo Info { get; init; }

    public string EngineDescription { get; init; } = "fake";

    public ModelIdentity Identity { get; init; } = DefaultIdentity;

    public GenerationSupport Generation => GenerationSupport.All;

    /// <summary>Requests scored and Score calls so far.</summary>
    public InferenceCounters Counters => new(Requests.Count, ScoreCalls, 0, TimeSpan.Zero);

    public bool PreparesConcurrently { get; init; }

    /// <summary>Encoding a text that contains this fails as a tokenizer fault of the engine would.</summary>
    public string? FailsToEncode { get; init; }

    /// <summary>The managed threads Encode and Score ran on.</summary>
    public HashSet<int> EncodeThreads { get; } = [];

    public HashSet<int> ScoreThreads { get; } = [];

    /// <summary>Every scoring request received, in order.</summary>
    public List<LogLikelihoodRequest> Requests { get; } = [];

    public int ScoredRequests => Requests.Count;

    public int ScoreCalls { get; private set; }

    /// <summary>Every prompt generation was asked for, in order.</summary>
    public List<string> Generated { get; } = [];

    public int Generations => Generated.Count;

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

        return encode(text);
    }

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ScoreThreads.Add(Environment.CurrentManagedThreadId);
        ScoreCalls++;
        Requests.AddRange(requests);
        return [.. requests.Select(r => scoreOne(r, this))];
    }

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        Generated.Add(prompt);
        return generate(prompt, settings);
    }

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments? arguments = null) =>
        chatTemplate(messages, addGenerationPrompt, arguments ?? ChatTemplateArguments.None);

    public void Dispose()
    {
    }

    /// <summary>ChatML as Qwen3's template renders it: enable_thinking=false ends the generation prompt with an empty think block.</summary>
    private static string Qwen3ChatMl(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt, ChatTemplateArguments arguments) =>
        string.Concat(messages.Select(m => $"<|im_start|>{m.Role}\n{m.Content}<|im_end|>\n"))
        + (addGenerationPrompt ? "<|im_start|>assistant\n" + (arguments.EnableThinking == false ? "<think>\n\n</think>\n\n" : "") : "");

    /// <summary>A value with all 53 bits of a double in use.</summary>
    private static double HashValue(string text) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text))) / (double)ulong.MaxValue * 20;
}
