namespace Qwen3EvalTests.Results;

/// <summary>The settings of one benchmark run, as recorded in its results file.</summary>
/// <param name="Benchmark">mmlu, ceval or cmmlu.</param>
/// <param name="Protocol">qwen, lm-eval or opencompass.</param>
/// <param name="Split">The scored split.</param>
/// <param name="Average">micro or macro: which average is the headline accuracy.</param>
/// <param name="Shots">Few-shot examples per prompt.</param>
/// <param name="Chat">Whether the chat form (ChatML) was used.</param>
/// <param name="Scoring">The scorer: next-token, loglikelihood, perplexity or generation.</param>
/// <param name="Limit">First N questions of each subject, or null for all.</param>
/// <param name="MaxContextTokens">The protocol's left-truncation limit (the last N tokens are kept), or null for none of its own.</param>
/// <param name="ChoiceRule">The log-likelihood choice rule (LogLikelihood, TokenNormalised, SequencePerplexity); null for generation.</param>
/// <param name="Generation">Generation settings (with the seed) for generation scoring; null for log-likelihood scoring.</param>
/// <param name="PromptTemplates">SHA-256 of the protocol's template strings, so a template variant (e.g. no space before the answer letter) is told apart.</param>
/// <param name="Repeat">1-based repeat number when the run is one of several repeats, else null.</param>
public sealed record RunSettings(
    string Benchmark,
    string Protocol,
    string Split,
    string Average,
    int Shots,
    bool Chat,
    string Scoring,
    int? Limit,
    int? MaxContextTokens,
    string? ChoiceRule = null,
    RunGeneration? Generation = null,
    string? PromptTemplates = null,
    int? Repeat = null)
{
    /// <summary>The truncation rule applied ("left:2048", "none"); null in files written before it was recorded.</summary>
    public string? Truncation { get; init; }

    /// <summary>How context and continuations were tokenized for log-likelihood scoring ("separate", "whole-sequence", "lm-eval-encode-pair"); null for generation and in files written before it was recorded.</summary>
    public string? Tokenization { get; init; }

    /// <summary>How the protocol read the data fields (<see cref="Prompts.FieldReading.Id"/>: "verbatim", "universal-newlines", "pandas1-na", …); null in files written before it was recorded.</summary>
    public string? Reading { get; init; }

    /// <summary>The answer extractor of a generation run (<see cref="Scoring.Extraction.IAnswerExtractor.Name"/>, e.g. "qwen-chat-ceval+thefuzz-0.22.1-wratio": the function and its fuzzy scorer); null for log-likelihood runs and in files written before it was recorded.</summary>
    public string? Extractor { get; init; }

    /// <summary>What rendered chat prompts ("model chat_template" or "harness ChatML", <see cref="Evaluation.ChatPromptRendering"/>); null for base prompts and in files written before it was recorded.</summary>
    public string? ChatTemplate { get; init; }
}

/// <summary>The generation settings of a generation-scored run, as recorded in its results file.</summary>
/// <param name="MaxNewTokens">The most tokens generated per answer.</param>
/// <param name="Temperature">0 means greedy.</param>
/// <param name="Seed">The sampling seed (meaningful when Temperature &gt; 0).</param>
/// <param name="StopStrings">Strings that end generation.</param>
/// <param name="TopP">Nucleus sampling threshold; 1: off (files written before it was recorded read as 1).</param>
/// <param name="TopK">Top-k; 0: off.</param>
/// <param name="MinP">Min-p; 0: off.</param>
/// <param name="RepetitionPenalty">1: off.</param>
/// <param name="PresencePenalty">0: off.</param>
public sealed record RunGeneration(
    int MaxNewTokens,
    double Temperature,
    int Seed,
    IReadOnlyList<string> StopStrings,
    double TopP = 1.0,
    int TopK = 0,
    double MinP = 0,
    double RepetitionPenalty = 1.0,
    double PresencePenalty = 0)
{
    public bool IsGreedy => Temperature <= 0;
}
