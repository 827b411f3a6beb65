namespace Qwen3EvalTests.Suites;

/// <summary>The prompt protocols the project knows, by the name strings used in suites and baselines.</summary>
public static class ProtocolNames
{
    public const string Qwen = "qwen";
    public const string LmEval = "lm-eval";
    public const string OpenCompass = "opencompass";

    public static IReadOnlyList<string> All { get; } = [Qwen, LmEval, OpenCompass];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
