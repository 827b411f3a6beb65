namespace Qwen3EvalTests.Evaluation;

/// <summary>A setting known to move benchmark scores, varied one at a time by <see cref="SensitivityAnalysis"/>.</summary>
public enum SensitivityFactor
{
    /// <summary>qwen vs lm-eval vs opencompass prompts and scoring.</summary>
    Protocol,

    /// <summary>5-shot vs 0-shot.</summary>
    Shots,

    /// <summary>Summed log-likelihood vs length-normalised log-likelihood.</summary>
    Scoring,

    /// <summary>Base (completion) prompt vs chat form (generate-then-extract).</summary>
    Chat,

    /// <summary>Answer token with vs without a leading space (" A" vs "A").</summary>
    AnswerSpace,

    /// <summary>Micro vs macro average over subjects (recomputed, no extra inference).</summary>
    Average,
}
