using Qwen3EvalTests.Benchmarks;

namespace Qwen3EvalTests.Prompts;

/// <summary>
/// A named prompt format of one reference harness: what it decides for a benchmark and form
/// (<see cref="Settings"/>), a fingerprint of its template strings, and the exact text of a question.
/// </summary>
public interface IPromptProtocol
{
    /// <summary>"qwen", "lm-eval" or "opencompass".</summary>
    string Name { get; }

    /// <summary>SHA-256 of the protocol's template strings, so a template variant (e.g. no space before the answer letter) is told apart.</summary>
    string TemplateFingerprint { get; }

    ProtocolSettings Settings(Benchmark benchmark, bool chat);

    RenderedPrompt Render(PromptRequest request);
}
