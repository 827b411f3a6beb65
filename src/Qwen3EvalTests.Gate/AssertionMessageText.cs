namespace Qwen3EvalTests.Gate;

/// <summary>Text put into a FluentAssertions failure message as it is: <c>FailWith</c> reads {n} and {reason} as placeholders.</summary>
internal static class AssertionMessageText
{
    public static string Literal(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
