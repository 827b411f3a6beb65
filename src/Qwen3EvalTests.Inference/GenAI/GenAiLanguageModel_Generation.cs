using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private PrefixKvCache? generationCache;

    /// <summary>The repetition penalty <see cref="generationCache"/>'s generator was made with: a search option fixed at creation.</summary>
    private double generationCachePenalty = double.NaN;

    /// <summary>
    /// Generates after <paramref name="prompt"/>. Greedy generation reuses the KV cache of the previous prompt's common prefix
    /// (few-shot prompts of a subject share most of it); sampled generation starts a fresh generator, so a seed repeats.
    /// </summary>
    private string GenerateUnguarded(string prompt, GenerationSettings settings, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var promptTokens = Encode(prompt).ToArray();
        if (promptTokens.Length == 0)
        {
            promptTokens = [folder.BosTokenId];
        }

        if (promptTokens.Length >= folder.ContextLength)
        {
            promptTokens = promptTokens[^(folder.ContextLength - 1)..];
        }

        GuardLastTokenIsNotPad(promptTokens);
        var maxLength = Math.Min(folder.ContextLength, promptTokens.Length + settings.MaxNewTokens);
        if (!settings.IsGreedy)
        {
            using var generatorParams = new GeneratorParams(model);
            GenerationSearchOptions.Apply(generatorParams, settings, maxLength);
            using var fresh = new Generator(model, generatorParams);
            Forward(fresh, promptTokens, promptTokens.Length);
            return GenerateAfterPrompt(fresh, [], settings, cancellationToken);
        }

        var cache = GenerationCache(settings, maxLength);
        var held = cache.Tokens;
        var common = 0;
        while (common < held.Count && common < promptTokens.Length && held[common] == promptTokens[common])
        {
            common++;
        }

        // RewindTo(n) then GenerateNextToken replays the discarded token n (GenAI 0.18–0.20, GeneratorRewindTests): keep at least one prompt token to append.
        // A generator that reached end of sequence stays done until rewound.
        common = Math.Min(common, promptTokens.Length - 1);
        if (cache.Generator.IsDone())
        {
            cache.Generator.RewindTo((ulong)common);
        }
        else
        {
            cache.RewindTo(common);
        }

        held.RemoveRange(common, held.Count - common);
        reusedTokens += common;
        Forward(cache.Generator, promptTokens.AsSpan(common), promptTokens.Length - common);
        held.AddRange(promptTokens.AsSpan(common));
        return GenerateAfterPrompt(cache.Generator, held, settings, cancellationToken);
    }

    /// <summary>
    /// The batch-1 generator greedy generation reuses, able to hold <paramref name="maxLength"/> tokens (rounded up to a
    /// multiple of 256, at most the context); a longer request, or one with another repetition penalty (the one search
    /// option besides the length that changes greedy output), replaces it.
    /// </summary>
    private PrefixKvCache GenerationCache(GenerationSettings settings, int maxLength)
    {
        if (generationCache is { } cache && cache.MaxLength >= maxLength && generationCachePenalty.Equals(settings.RepetitionPenalty))
        {
            return cache;
        }

        generationCachePenalty = settings.RepetitionPenalty;

        generationCache?.Dispose();
        generationCachePenalty = settings.RepetitionPenalty;
        var length = Math.Min(folder.ContextLength, (maxLength + 255) / 256 * 256);
        using var generatorParams = new GeneratorParams(model);
        GenerationSearchOptions.Apply(generatorParams, settings, length);
        generationCache = new PrefixKvCache(new Generator(model, generatorParams), length, rewindsFreely: folder.Search.SharesKvBuffer);
        return generationCache;
    }

    /// <summary>
    /// Runs the decoding loop after the prompt was appended; generated tokens are added to <paramref name="held"/>. Stop
    /// strings are watched on text grown by GenAI's streaming decoder (one token's piece at a time), searching only the new
    /// tail, so a 32,768-token answer costs linear, not quadratic, decoding; the answer returned is the whole output decoded
    /// once, as Hugging Face decodes it (the stream holds back an incomplete UTF-8 character that a full decode shows as
    /// U+FFFD), cut at its earliest stop string.
    /// </summary>
    private string GenerateAfterPrompt(Generator generator, List<int> held, GenerationSettings settings, CancellationToken cancellationToken)
    {
        using var stream = tokenizer.CreateStream();
        var generated = new List<int>();
        var watched = new System.Text.StringBuilder();
        var overlap = Math.Max(0, settings.LongestStopLength - 1);
        while (!generator.IsDone() && generated.Count < settings.MaxNewTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            generator.GenerateNextToken();
            forwardTime += stopwatch.Elapsed;
            forwardCalls++;
            var next = generator.GetNextTokens()[0];
            held.Add(next);
            if (IsEndOfSequence(next))
            {
                break;
            }

            generated.Add(next);
            var searchFrom = Math.Max(0, watched.Length - overlap);
            watched.Append(stream.Decode(next));
            if (settings.FirstStopIn(watched.ToString(searchFrom, watched.Length - searchFrom)) is not null)
            {
                break;
            }
        }

        var text = tokenizer.Decode(generated.ToArray());
        return settings.FirstStopIn(text) is { } cut ? text[..cut] : text;
    }

    /// <summary>
    /// GenAI picks the next-token row of an append by skipping trailing pad ids (even at batch 1): a prompt ending in the pad
    /// id would be continued from the wrong position. Pad ids elsewhere in a prompt are read correctly at batch 1.
    /// </summary>
    private void GuardLastTokenIsNotPad(int[] promptTokens)
    {
        if (promptTokens[^1] == folder.PadTokenId)
        {
            throw new EvalInputException(
                $"the prompt ends with token {folder.PadTokenId}, the model's pad_token_id, which GenAI skips as padding when it picks the next-token row; end the prompt with another token (e.g. drop a trailing '<|endoftext|>'), or set model.pad_token_id to a token prompts never end with.",
                folder.ConfigPath,
                field: "model.pad_token_id");
        }
    }

    private bool IsEndOfSequence(int token) => eosTokenIds.Contains(token);
}
