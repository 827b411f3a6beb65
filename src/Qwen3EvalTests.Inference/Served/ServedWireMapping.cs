using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>The one place typed settings become the servers' wire fields.</summary>
internal static class ServedWireMapping
{
    /// <summary>lm-eval's local-completions seed: recorded in the request so a server that honours it is reproducible.</summary>
    public const int ScoringSeed = 1234;

    /// <summary>Echoed prompts of one question: each prompt's logprobs come back, the one generated token is ignored.</summary>
    public static CompletionsScoreRequest Score(string model, IReadOnlyList<IReadOnlyList<int>> prompts) =>
        new(model, prompts, MaxTokens: 1, Temperature: 0, Logprobs: 1, Echo: true, Seed: ScoringSeed);

    /// <summary>Added to the forced token's logit in the sampler only: it wins over any logit of a real model.</summary>
    public const double ForcedTokenBias = 1000;

    /// <summary>
    /// The next position's top <paramref name="topLogProbs"/> log-softmax (pre-sampling probabilities) after <paramref name="prompt"/>.
    /// The one generated token is forced to <paramref name="wholeCharacterToken"/> (a token that is a whole UTF-8 character, e.g. "A")
    /// through logit_bias: llama-server (v0.5.0) answers no completion_probabilities when the generated token is an incomplete UTF-8
    /// sequence (a lone byte of a CJK character, as byte-level vocabularies generate), measured on this machine. The bias acts in the
    /// sampler only; n_probs without post_sampling_probs reports the raw logits' log-softmax, which it leaves unchanged.
    /// </summary>
    public static LlamaScoreRequest NextToken(IReadOnlyList<int> prompt, int topLogProbs, int? wholeCharacterToken = null) =>
        new(prompt, NPredict: 1, NProbs: topLogProbs, Temperature: 0, CachePrompt: true, PostSamplingProbs: false,
            wholeCharacterToken is { } token ? [[token, ForcedTokenBias]] : null);

    /// <summary>
    /// Every <see cref="GenerationSettings"/> field, so a server's own defaults (vLLM takes them from generation_config.json,
    /// llama.cpp has top-k 40, min-p 0.05, repeat-last-n 64) never decide the distribution: greedy is temperature 0; top-k
    /// off is vLLM's -1; the penalties go as vLLM's repetition_penalty (Hugging Face's rule over prompt and output) and
    /// OpenAI's presence_penalty.
    /// </summary>
    public static CompletionsGenerateRequest Generate(string model, string prompt, GenerationSettings settings) =>
        new(model, prompt, settings.MaxNewTokens, settings.IsGreedy ? 0 : settings.Temperature, settings.TopP, settings.TopK > 0 ? settings.TopK : -1,
            settings.MinP, settings.RepetitionPenalty, settings.PresencePenalty, settings.Seed, Stops(settings));

    /// <summary>
    /// llama.cpp's /completion: top-k off is 0; repeat_last_n -1 applies the repetition penalty over the whole context, as
    /// Hugging Face does, instead of llama.cpp's last 64 tokens.
    /// </summary>
    public static LlamaGenerateRequest GenerateLlama(string prompt, GenerationSettings settings) =>
        new(prompt, settings.MaxNewTokens, settings.IsGreedy ? 0 : settings.Temperature, settings.TopP, Math.Max(settings.TopK, 0), settings.MinP,
            settings.RepetitionPenalty, RepeatLastN: -1, settings.PresencePenalty, settings.Seed, Stops(settings), CachePrompt: true);

    private static IReadOnlyList<string>? Stops(GenerationSettings settings) =>
        settings.StopStrings is { Count: > 0 } stops ? stops.Where(s => s.Length > 0).ToArray() : null;
}
