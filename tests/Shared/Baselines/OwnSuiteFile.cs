using System.Globalization;

namespace Qwen3EvalTests.Testing;

/// <summary>
/// A project's own suite <c>mine</c> with <c>baseline: both</c> on a generated model <c>my-tiny</c> (MMLU, qwen, 5-shot, base):
/// the user's model gated against its own number (<see cref="OwnBaselinesFile"/>) and its own recorded run.
/// </summary>
public static class OwnSuiteFile
{
    /// <summary>The suite's case id.</summary>
    public const string CaseId = "mine/my-tiny/mmlu";

    /// <param name="generated">The model's <c>generated:</c> mapping, e.g. <c>{seed: 1, tokenizer: bytes}</c>.</param>
    /// <param name="tolerancePoints">The suite's tolerance (widened to the 95 % interval).</param>
    /// <param name="limit">Questions per subject.</param>
    public static string Both(string generated, double tolerancePoints, int limit) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        schemaVersion: 1
        name: mine
        family: tiny
        baseline: both
        tolerance: {points: {{tolerancePoints:0.0}}, widenToInterval: true}
        benchmarks:
          - {name: mmlu, kind: base, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: {{limit}}}
        models:
          - id: my-tiny
            kind: base
            folder: my-tiny
            generated: {{generated}}

        """);
}
