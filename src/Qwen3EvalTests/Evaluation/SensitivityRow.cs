namespace Qwen3EvalTests.Evaluation;

/// <summary>One setting of a sensitivity analysis and its score.</summary>
/// <param name="Factor">The factor varied ("reference" for the reference row), as its command-line id.</param>
/// <param name="Setting">The setting, e.g. "lm-eval" or "0-shot".</param>
/// <param name="Score">Headline accuracy 0–1 (the setting's average).</param>
/// <param name="Delta">Score minus the reference score.</param>
/// <param name="Low95">Lower bound of the 95 % Wilson interval at the run's question count.</param>
/// <param name="High95">Upper bound of that interval.</param>
/// <param name="Questions">Questions scored.</param>
/// <param name="Note">What to know when reading the row (e.g. a base model in chat form), or null.</param>
/// <param name="ResultsFile">The results file of the run behind the row (the reference run's for the average factor).</param>
public sealed record SensitivityRow(
    string Factor,
    string Setting,
    double Score,
    double Delta,
    double Low95,
    double High95,
    int Questions,
    string? Note,
    string? ResultsFile);
