using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>The one place <see cref="GenerationSettings"/> become GenAI search options.</summary>
internal static class GenerationSearchOptions
{
    /// <summary>
    /// Scoring reads logits only, but the search is still set in full: max_length from the requests (a builder export's
    /// default is the whole context), do_sample false (instruct exports default to sampling).
    /// </summary>
    public static void ApplyScoring(GeneratorParams generatorParams, int batchSize, int maxLength)
    {
        generatorParams.SetSearchOption("max_length", maxLength);
        generatorParams.SetSearchOption("batch_size", batchSize);
        generatorParams.SetSearchOption("num_beams", 1);
        generatorParams.SetSearchOption("do_sample", false);
    }

    /// <summary>
    /// Generation: max_length from the prompt and settings, do_sample always explicit (false when greedy), the
    /// repetition penalty always (GenAI applies it to greedy and sampled search alike, over prompt and output, as
    /// Hugging Face does), and when sampling temperature, top_k (0: off), top_p (1: off) and the seed. GenAI picks
    /// top-k-then-top-p when both are set, top-k alone when top_k &gt; 1, else nucleus; top_k 1 is greedy.
    /// It has no min-p and no presence penalty: <see cref="GenerationSupport.GenAi"/> says so, and the plan validator
    /// refuses them before a model loads.
    /// </summary>
    public static void Apply(GeneratorParams generatorParams, GenerationSettings settings, int maxLength)
    {
        generatorParams.SetSearchOption("max_length", maxLength);
        generatorParams.SetSearchOption("batch_size", 1);
        generatorParams.SetSearchOption("num_beams", 1);
        generatorParams.SetSearchOption("repetition_penalty", settings.RepetitionPenalty);
        if (settings.IsGreedy)
        {
            generatorParams.SetSearchOption("do_sample", false);
            return;
        }

        generatorParams.SetSearchOption("do_sample", true);
        generatorParams.SetSearchOption("temperature", settings.Temperature);
        generatorParams.SetSearchOption("top_k", settings.TopK);
        generatorParams.SetSearchOption("top_p", settings.TopP);
        generatorParams.SetSearchOption("random_seed", settings.Seed);
    }
}
