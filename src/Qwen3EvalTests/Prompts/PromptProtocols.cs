using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;

namespace Qwen3EvalTests.Prompts;

/// <summary>The registry of prompt protocols by name.</summary>
public static class PromptProtocols
{
    /// <summary>
    /// The protocols and their named variants: "qwen" (pandas &lt; 2 NA strings) and "qwen@pandas2" ("None" options are nan);
    /// "lm-eval" (HEAD 4e7e0d47), "lm-eval@0.4.9", "lm-eval@0.4.3"; "opencompass" (as it sends the data) and
    /// "opencompass@clean" (fields verbatim, no safe_format leak), "opencompass@max-seq-len-2048" (a model config with
    /// <c>max_seq_len=2048</c>: shots dropped to fit, each sequence cut to its last 2048 tokens).
    /// </summary>
    public static IReadOnlyList<IPromptProtocol> All { get; } =
    [
        new QwenProtocol(),
        new QwenProtocol(pandas: PandasNaValues.Pandas2),
        new LmEvalProtocol(),
        new LmEvalProtocol(release: LmEvalRelease.V0_4_9),
        new LmEvalProtocol(release: LmEvalRelease.V0_4_3),
        new OpenCompassProtocol(),
        new OpenCompassProtocol(clean: true),
        new OpenCompassProtocol(maxSeqLen: 2048),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <exception cref="EvalInputException">No protocol has that name.</exception>
    public static IPromptProtocol Get(string name) => TryGet(name, out var protocol)
        ? protocol
        : throw new EvalInputException($"unknown prompt protocol '{name}': expected one of {string.Join(", ", Names)}.", field: "protocol");

    /// <summary>Whether <paramref name="name"/> is exactly a protocol's name (as suites and baselines must spell it).</summary>
    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    public static bool TryGet(string? name, out IPromptProtocol protocol)
    {
        var key = name?.Trim();
        protocol = All.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase))!;
        return protocol is not null;
    }
}
