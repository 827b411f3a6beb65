using Qwen3EvalTests.Models;
using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Scoring;

/// <summary>How the questions of one run are scored, resolved from the protocol's settings and the plan's overrides.</summary>
/// <param name="Scorer">The scorer kind.</param>
/// <param name="Rule">For log-likelihood scorers: how the option scores pick an answer; null for generation.</param>
/// <param name="Extractor">For generation: reads the letter out of the text; null otherwise.</param>
/// <param name="Truncation">What happens to a prompt longer than the protocol allows.</param>
/// <param name="Generation">For generation: the settings of every answer; null otherwise.</param>
public sealed record ScoringSettings(
    ScorerKind Scorer,
    ChoiceRule? Rule,
    IAnswerExtractor? Extractor,
    ContextTruncation Truncation,
    GenerationSettings? Generation);
