namespace Qwen3EvalTests.Tests.Served;

/// <summary>
/// The fake servers' model: a fixed next-token distribution over a 300-token vocabulary that depends on the whole prefix,
/// and a byte tokenizer (UTF-8 bytes are the ids). Tests compute expected log-likelihoods from it directly.
/// </summary>
internal static class FakeLanguage
{
    public const int VocabSize = 300;

    public static int[] Encode(string text) => System.Text.Encoding.UTF8.GetBytes(text).Select(b => (int)b).ToArray();

    /// <summary>The fake servers' chat template: ChatML, as Qwen's.</summary>
    /// <summary>ChatML as Qwen3's template renders it: enable_thinking=false ends the generation prompt with an empty think block.</summary>
    public static string ChatMl(IEnumerable<(string Role, string Content)> messages, bool addGenerationPrompt, bool? enableThinking = null) =>
        string.Concat(messages.Select(m => $"<|im_start|>{m.Role}\n{m.Content}<|im_end|>\n"))
        + (addGenerationPrompt ? "<|im_start|>assistant\n" + (enableThinking == false ? "<think>\n\n</think>\n\n" : "") : "");

    /// <summary>log-softmax of the next token after <paramref name="prefix"/>.</summary>
    public static double[] NextLogProbs(IReadOnlyList<int> prefix)
    {
        long mix = prefix.Count;
        foreach (var token in prefix)
        {
            mix = (mix * 31 + token + 7) % 1_000_003;
        }

        var logits = new double[VocabSize];
        for (var v = 0; v < VocabSize; v++)
        {
            logits[v] = 3 * Math.Sin(v * 0.37 + mix * 0.0113) + 0.5 * Math.Cos(v * 1.3 + prefix.Count);
        }

        var max = logits.Max();
        var logSum = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
        return logits.Select(l => l - logSum).ToArray();
    }

    /// <summary>Sum of log p(continuation[j] | context + continuation[..j]).</summary>
    public static double LogLikelihood(IReadOnlyList<int> context, IReadOnlyList<int> continuation)
    {
        var sum = 0.0;
        for (var j = 0; j < continuation.Count; j++)
        {
            sum += NextLogProbs([.. context, .. continuation.Take(j)])[continuation[j]];
        }

        return sum;
    }

    public static bool IsGreedy(IReadOnlyList<int> context, IReadOnlyList<int> continuation) =>
        Enumerable.Range(0, continuation.Count).All(j =>
        {
            var row = NextLogProbs([.. context, .. continuation.Take(j)]);
            return Array.IndexOf(row, row.Max()) == continuation[j];
        });
}
