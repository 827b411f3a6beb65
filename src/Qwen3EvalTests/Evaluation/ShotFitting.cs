using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// The one place a protocol's shot dropping (<see cref="Scoring.ContextTruncation.DropShotsOver"/>, OpenCompass's PPLInferencer
/// <c>max_seq_len</c>) is applied: after <see cref="PlanPrompts"/> renders a prompt with every shot, and where the model's
/// tokenizer is at hand (the evaluator, <c>tokenize</c>). Without a tokenizer (<c>prompt</c>) the prompt keeps all its shots and
/// the rule's id says it applies with one.
/// </summary>
public static class ShotFitting
{
    /// <summary><paramref name="prompt"/> with the shots its protocol's rule drops, counting tokens with <paramref name="encode"/>; unchanged when the plan has no such rule.</summary>
    public static PlannedPrompt Apply(EvaluationPlan plan, PlannedPrompt prompt, Func<string, IReadOnlyList<int>> encode)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(encode);
        if (plan.Settings.Truncation.DropShotsOver is not { } budget || prompt.Request is not { Shots.Count: > 0 } request)
        {
            return prompt;
        }

        var protocol = plan.Protocol as IShotFittingProtocol
            ?? throw new InvalidOperationException($"protocol {plan.Protocol.Name} sets a shot-dropping rule but cannot render fewer shots (IShotFittingProtocol).");
        return prompt with { Prompt = protocol.RenderFitted(request, budget, text => encode(text).Count) };
    }

    /// <summary>Whether <paramref name="plan"/>'s prompts depend on the model's tokenizer (shots are dropped to fit a budget).</summary>
    public static bool NeedsTokenizer(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Settings.Truncation.DropShotsOver is not null && plan.EffectiveShots > 0;
    }
}
