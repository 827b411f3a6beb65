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
        var text = AssertionMessageText.Literal(Subject.Describe());
        Execute.Assertion
            .ForCondition(!Subject.HasDrift)
            .FailWith($"{AssertionMessageText.Literal(Subject.CheckLine)}\nDrift in {AssertionMessageText.Literal(caseName)}: answers differ from the recorded run {AssertionMessageText.Literal(recordingPath)}.\n{text}\n" +
                $"If the change is intended, re-record with `{AssertionMessageText.Literal(recordCommand ?? "qwen3eval baseline record")}` (in the Qwen3EvalTests repository: `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record`) and commit the recorded run.");
        return new AndConstraint<AnswerDriftAssertions>(this);
    }
}

public static class AnswerDriftAssertionExtensions
{
    public static AnswerDriftAssertions Should(this AnswerDrift drift) => new(drift);
}
