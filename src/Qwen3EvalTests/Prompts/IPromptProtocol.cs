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

    /// <summary>Whether the protocol's benchmark table has a form for <paramref name="benchmark"/> in the base or chat form.</summary>
    bool Renders(Benchmark benchmark, bool chat);

    /// <summary>
    /// Null when the protocol's benchmark table has a form for <paramref name="benchmark"/> in the base or chat form; else why
    /// not, naming both and what to do (<see cref="UnsupportedBenchmark"/>). Checked when a plan is validated, before a model loads.
    /// </summary>
    string? Refusal(Benchmark benchmark, bool chat);

    /// <exception cref="EvalInputException">The protocol has no form for <paramref name="benchmark"/> (<see cref="Refusal"/>).</exception>
    ProtocolSettings Settings(Benchmark benchmark, bool chat);

    /// <summary>
    /// Null when the protocol can render the chat form with <paramref name="options"/>; else why not and what to do (a
    /// release of a reference that cannot pass the thinking switch to the template). Checked when a plan is validated.
    /// </summary>
    string? ChatOptionsRefusal(ChatOptions options) => null;

    RenderedPrompt Render(PromptRequest request);
}
