using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// Everything one benchmark run needs, fixed before anything runs.
/// </summary>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Protocol">The prompt protocol (decides the scored split, average and scoring mode).</param>
/// <param name="DataFolder">A folder with the benchmark's data layout.</param>
/// <param name="Shots">Few-shot examples per prompt; null: the protocol's default.</param>
/// <param name="Chat">Use the chat (ChatML) form: for instruct models.</param>
/// <param name="ChatOptions">Chat layout (system message, multi-turn shots, thinking switch).</param>
/// <param name="Limit">Score only the first N questions of each subject; null: all.</param>
/// <param name="Subjects">Only these subjects; null: every subject in the folder.</param>
/// <param name="Generation">Generation settings for generate-then-extract scoring.</param>
/// <param name="AllowKindMismatch">Allow the chat form on a base model or the completion form on an instruct model (sensitivity studies only).</param>
/// <param name="ChoiceRule">Override the protocol's log-likelihood choice rule (e.g. length-normalised); null: the protocol's.</param>
/// <param name="Repeat">1-based repeat number when this run is one of several repeats (recorded in the header), else null.</param>
public sealed record EvaluationPlan(
    Benchmark Benchmark,
    IPromptProtocol Protocol,
    string DataFolder,
    int? Shots = null,
    bool Chat = false,
    ChatOptions? ChatOptions = null,
    int? Limit = null,
    IReadOnlyList<string>? Subjects = null,
    GenerationSettings? Generation = null,
    bool AllowKindMismatch = false,
    Scoring.ChoiceRule? ChoiceRule = null,
    int? Repeat = null)
{
    public int EffectiveShots => Shots ?? Protocol.DefaultShots(Benchmark, Chat);

    public ScoringMode Scoring => Protocol.Scoring(Benchmark, Chat);

    /// <summary>Generation defaults: greedy, a short answer, stop at the end of the assistant turn.</summary>
    public GenerationSettings EffectiveGeneration => Generation ?? new GenerationSettings(MaxNewTokens: 32, StopStrings: ["<|im_end|>", "<|endoftext|>"]);
}
