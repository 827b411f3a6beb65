namespace Qwen3EvalTests.Cli.Commands;

/// <summary>The options of <c>qwen3eval prompt</c>, typed once.</summary>
/// <param name="DataDirectory">The data folder; null: the sample data set.</param>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="Subject">The subject id.</param>
/// <param name="Protocol">The protocol name.</param>
/// <param name="Shots">Shots; null: the protocol's default.</param>
/// <param name="Index">0-based index in the scored split.</param>
/// <param name="Chat">Chat form.</param>
public sealed record PromptCommandRequest(
    string? DataDirectory,
    string Benchmark,
    string Subject,
    string Protocol,
    int? Shots = null,
    int Index = 0,
    bool Chat = false);

/// <summary>One question of the scored split as a run would send it: the one-subject plan and its prompt.</summary>
/// <param name="Plan">The plan (benchmark, protocol, data, shots, form, this subject, the first Index + 1 questions).</param>
/// <param name="Prompt">The question's prompt, rendered by <see cref="Evaluation.PlanPrompts"/>.</param>
public sealed record SelectedPrompt(Evaluation.EvaluationPlan Plan, Evaluation.PlannedPrompt Prompt);
