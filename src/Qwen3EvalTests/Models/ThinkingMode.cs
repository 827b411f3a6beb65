namespace Qwen3EvalTests.Models;

/// <summary>The two modes of Qwen3's hybrid post-trained models, switched by the chat template's <c>enable_thinking</c>.</summary>
public enum ThinkingMode
{
    /// <summary><c>enable_thinking=true</c>: the model writes a think block before answering.</summary>
    Thinking,

    /// <summary><c>enable_thinking=false</c>: the template appends an empty think block after the assistant header.</summary>
    NonThinking,
}

/// <summary>The ids of <see cref="ThinkingMode"/> in suites and baselines ("thinking", "non-thinking").</summary>
public static class ThinkingModes
{
    public const string Expected = "thinking or non-thinking";

    public static string ToId(this ThinkingMode mode) => mode == ThinkingMode.Thinking ? "thinking" : "non-thinking";

    public static bool TryParse(string? id, out ThinkingMode mode)
    {
        switch (id)
        {
            case "thinking":
                mode = ThinkingMode.Thinking;
                return true;
            case "non-thinking":
                mode = ThinkingMode.NonThinking;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
