using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// A named prompt format of one reference harness: which split is scored, how subjects are
/// averaged, how an answer is predicted, and the exact prompt text of a question.
/// </summary>
public interface IPromptProtocol
{
    /// <summary>"qwen", "lm-eval" or "opencompass".</summary>
    string Name { get; }

    Split ScoredSplit(Benchmark benchmark);

    AverageKind Average(Benchmark benchmark);

    ScoringMode Scoring(Benchmark benchmark, bool chat);

    /// <summary>How many dev shots the harness uses by default (0 for a 0-shot chat form).</summary>
    int DefaultShots(Benchmark benchmark, bool chat);

    RenderedPrompt Render(PromptRequest request);
}
