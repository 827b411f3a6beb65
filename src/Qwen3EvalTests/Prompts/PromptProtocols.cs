using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts.OpenCompass;
using Qwen3EvalTests.Prompts.Qwen;

namespace Qwen3EvalTests.Prompts;

/// <summary>The registry of prompt protocols by name.</summary>
public static class PromptProtocols
{
    public static IReadOnlyList<IPromptProtocol> All { get; } = [new QwenProtocol(), new LmEvalProtocol(), new OpenCompassProtocol()];

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
