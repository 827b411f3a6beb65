using System.Globalization;

namespace Qwen3EvalTests.Models;

/// <summary>Settings of one generation, typed once and mapped to the engine's options in one place.</summary>
/// <param name="MaxNewTokens">The most tokens to generate.</param>
/// <param name="StopStrings">Generation ends when the output contains any of these; the stop string is cut off.</param>
/// <param name="Temperature">0 means greedy.</param>
/// <param name="Seed">Seed for sampled generation.</param>
/// <param name="TopP">Nucleus sampling: sample from the smallest set of tokens whose probability reaches this; 1: off.</param>
/// <param name="TopK">Sample from the K most likely tokens; 0: off.</param>
/// <param name="MinP">Drop tokens less likely than this fraction of the most likely one; 0: off.</param>
/// <param name="RepetitionPenalty">Divides the logits of tokens already present (HF's repetition_penalty); 1: off. Changes greedy output too.</param>
/// <param name="PresencePenalty">Subtracted from the logits of tokens already generated (vLLM/OpenAI presence_penalty); 0: off. Changes greedy output too.</param>
public sealed record GenerationSettings(
    int MaxNewTokens = 32,
    IReadOnlyList<string>? StopStrings = null,
    double Temperature = 0,
    int Seed = 0,
    double TopP = 1.0,
    int TopK = 0,
    double MinP = 0,
    double RepetitionPenalty = 1.0,
    double PresencePenalty = 0)
{
    private static readonly string[] ChatStops = ["<|im_end|>", "<|endoftext|>"];

    public bool IsGreedy => Temperature <= 0;

    /// <summary>The longest stop string's length: text grown by appending only needs its last this-many-minus-one characters searched again.</summary>
    public int LongestStopLength => StopStrings is { Count: > 0 } stops ? stops.Max(s => s.Length) : 0;

    /// <summary>Where the earliest stop string starts in <paramref name="text"/>, or null: every engine cuts generated text here.</summary>
    public int? FirstStopIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? first = null;
        foreach (var stop in StopStrings ?? [])
        {
            var index = stop.Length == 0 ? -1 : text.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (first is null || index < first))
            {
                first = index;
            }
        }

        return first;
    }

    /// <summary>
    /// Qwen's chat scripts (evaluate_chat_{ceval,mmlu}.py): greedy (<c>do_sample = False</c>), <c>repetition_penalty = 1.0</c>,
    /// otherwise the model's generation_config; 512 new tokens, Qwen-1's generation_config max_new_tokens, which no
    /// short answer reaches.
    /// </summary>
    public static GenerationSettings QwenScripts { get; } = new(MaxNewTokens: 512, StopStrings: ChatStops, RepetitionPenalty: 1.0);

    /// <summary>OpenCompass HuggingFacewithChatTemplate models: greedy, <c>max_out_len=1024</c> (configs/models/qwen/hf_qwen2_7b_instruct.py).</summary>
    public static GenerationSettings OpenCompass { get; } = new(MaxNewTokens: 1024, StopStrings: ChatStops);

    /// <summary>The Qwen3 technical report's thinking mode: temperature 0.6, top-p 0.95, top-k 20, up to 32,768 new tokens.</summary>
    public static GenerationSettings Qwen3Thinking { get; } = new(MaxNewTokens: 32_768, StopStrings: ChatStops, Temperature: 0.6, TopP: 0.95, TopK: 20);

    /// <summary>The Qwen3 technical report's non-thinking mode: temperature 0.7, top-p 0.8, top-k 20, presence penalty 1.5, up to 32,768 new tokens.</summary>
    public static GenerationSettings Qwen3NonThinking { get; } = new(MaxNewTokens: 32_768, StopStrings: ChatStops, Temperature: 0.7, TopP: 0.8, TopK: 20, PresencePenalty: 1.5);

    /// <summary>The Qwen3 technical report's settings for a hybrid model's mode: what a suite case in that mode generates with.</summary>
    public static GenerationSettings Qwen3Report(ThinkingMode mode) => mode == ThinkingMode.Thinking ? Qwen3Thinking : Qwen3NonThinking;

    /// <summary>
    /// The settings that change the output and that <paramref name="support"/> does not honour, each a sentence naming
    /// the setting, its value and the fix: an engine must refuse them, never ignore them. Top-p, top-k and min-p only
    /// matter when sampling; the penalties change greedy output too.
    /// </summary>
    public IReadOnlyList<string> NotHonouredBy(GenerationSupport support)
    {
        ArgumentNullException.ThrowIfNull(support);
        var problems = new List<string>();
        void Check(bool honoured, bool changesOutput, string name, string value, string neutral)
        {
            if (changesOutput && !honoured)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value} is not honoured by the {support.Engine} engine; it would be silently ignored. Use {name} {neutral}, or an engine that honours it."));
            }
        }

        var c = CultureInfo.InvariantCulture;
        Check(support.TopP, !IsGreedy && TopP < 1.0, "top-p", TopP.ToString("R", c), "1 (off)");
        Check(support.TopK, !IsGreedy && TopK > 0, "top-k", TopK.ToString(c), "0 (off)");
        Check(support.MinP, !IsGreedy && MinP > 0, "min-p", MinP.ToString("R", c), "0 (off)");
        Check(support.RepetitionPenalty, RepetitionPenalty != 1.0, "repetition penalty", RepetitionPenalty.ToString("R", c), "1 (off)");
        Check(support.PresencePenalty, PresencePenalty != 0, "presence penalty", PresencePenalty.ToString("R", c), "0 (off)");
        return problems;
    }
}

/// <summary>Which sampling settings an engine honours (temperature, seed, length and stop strings always).</summary>
/// <param name="Engine">The engine's name, for messages.</param>
/// <param name="TopP">Honours top-p.</param>
/// <param name="TopK">Honours top-k.</param>
/// <param name="MinP">Honours min-p.</param>
/// <param name="RepetitionPenalty">Honours a repetition penalty.</param>
/// <param name="PresencePenalty">Honours a presence penalty.</param>
public sealed record GenerationSupport(string Engine, bool TopP, bool TopK, bool MinP, bool RepetitionPenalty, bool PresencePenalty)
{
    /// <summary>
    /// The ONNX Runtime GenAI backend as it maps settings (Inference/GenAI/GenerationSearchOptions.cs): top_p, top_k and
    /// repetition_penalty are GenAI search options; it has no min-p and no presence penalty, so those are refused (checked against a plain ONNX Runtime reference in GenerationSearchOptionsTests).
    /// </summary>
    public static GenerationSupport GenAi { get; } = new("onnxruntime-genai", TopP: true, TopK: true, MinP: false, RepetitionPenalty: true, PresencePenalty: false);

    /// <summary>
    /// A served OpenAI-compatible engine (Inference/Served/ServedWireMapping.cs): vLLM and SGLang take top_p, top_k, min_p,
    /// repetition_penalty and presence_penalty on /v1/completions, llama.cpp's /completion top_p, top_k, min_p,
    /// repeat_penalty and presence_penalty.
    /// </summary>
    public static GenerationSupport Served { get; } = new("served (OpenAI-compatible)", TopP: true, TopK: true, MinP: true, RepetitionPenalty: true, PresencePenalty: true);

    /// <summary>An engine that honours every setting (test doubles).</summary>
    public static GenerationSupport All { get; } = new("any", true, true, true, true, true);
}
