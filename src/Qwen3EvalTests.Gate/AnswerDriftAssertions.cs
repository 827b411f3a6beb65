using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Gate;

/// <summary><c>drift.Should().HaveNoFlips(…)</c>: fails listing every flipped question and the McNemar test.</summary>
public sealed class AnswerDriftAssertions(AnswerDrift subject) : ObjectAssertions<AnswerDrift, AnswerDriftAssertions>(subject)
{
    /// <param name="caseName">The case's display name.</param>
    /// <param name="recordingPath">The recorded run compared with.</param>
    /// <param name="recordCommand">The command that re-records this case; null: <c>qwen3eval baseline record</c>.</param>
    public AndConstraint<AnswerDriftAssertions> HaveNoFlips(string caseName, string recordingPath, string? recordCommand = null)
    {
        var text = Subject.Describe()
            .Replace("{", "{{", StringComparison.Ordinal)
            .Replace("}", "}}", StringComparison.Ordinal);
        Execute.Assertion
            .ForCondition(!Subject.HasDrift)
            .FailWith($"{Literal(Subject.CheckLine)}\nDrift in {Literal(caseName)}: answers differ from the recorded run {Literal(recordingPath)}.\n{text}\n" +
                $"If the change is intended, re-record with `{Literal(recordCommand ?? "qwen3eval baseline record")}` (in the Qwen3EvalTests repository: `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record`) and commit the recorded run.");
        return new AndConstraint<AnswerDriftAssertions>(this);
    }

    // FailWith treats {n} as placeholders; everything else in the message is literal text.
    private static string Literal(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}

public static class AnswerDriftAssertionExtensions
{
    public static AnswerDriftAssertions Should(this AnswerDrift drift) => new(drift);
}
