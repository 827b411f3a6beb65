using System.Security.Cryptography;
using System.Text;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Caching;

/// <summary>A deterministic fake model whose answers derive from the text; it records every request it computes.</summary>
internal sealed class CountingLanguageModel : ILanguageModel
{
    public List<LogLikelihoodRequest> Scored { get; } = [];

    public List<string> Generated { get; } = [];

    public int ScoreCalls { get; private set; }

    public ModelInfo Info { get; } = new("fake", null, ModelKind.Base, 2048, 256, false, "cpu");

    public GenerationSupport Generation => GenerationSupport.All;

    public InferenceCounters Counters => new(Scored.Count, ScoreCalls, 0, TimeSpan.Zero);

    public IReadOnlyList<int> Encode(string text) => Encoding.UTF8.GetBytes(text).Select(b => (int)b).ToArray();

    public IReadOnlyList<LogLikelihoodResult> Score(IReadOnlyList<LogLikelihoodRequest> requests, CancellationToken cancellationToken = default)
    {
        ScoreCalls++;
        Scored.AddRange(requests);
        return requests.Select(r => new LogLikelihoodResult(
            r.Continuations.Select(c => new ContinuationScore(-ValueOf(r.Context + c), c.Length, c.Length % 2 == 0)).ToArray(),
            r.Context.Length,
            0,
            r.IncludeContextLogProb ? -ValueOf(r.Context) : null)).ToArray();
    }

    public string Generate(string prompt, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        Generated.Add(prompt);
        return $"answer {ValueOf(prompt + settings.Seed):R}";
    }

    public string ApplyChatTemplate(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt) => string.Concat(messages.Select(m => m.Content));

    public void Dispose()
    {
    }

    /// <summary>A value with all 53 bits of a double in use, so a lossy round trip would show.</summary>
    private static double ValueOf(string text) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text))) / (double)ulong.MaxValue * 20;
}
