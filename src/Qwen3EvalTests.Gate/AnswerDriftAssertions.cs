using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Gate;

/// <summary><c>drift.Should().HaveNoFlips(…)</c>: fails listing every flipped question and the McNemar test.</summary>
public sealed class AnswerDriftAssertions(AnswerDrift subject) : ObjectAssertions<AnswerDrift, AnswerDriftAssertions>(subject)
{
    public AndConstraint<AnswerDriftAssertions> HaveNoFlips(string caseName, string recordingPath)
    {
        var text = Subject.Describe()
            .Replace("{", "{{", StringComparison.Ordinal)
            .Replace("}", "}}", StringComparison.Ordinal);
        Execute.Assertion
            .ForCondition(!Subject.HasDrift)
            .FailWith($"Drift in {caseName}: answers differ from the recorded run {recordingPath}.\n{text}\nIf the change is intended, re-record with `qwen3eval baseline record` (in the Qwen3EvalTests repository: `dotnet run --project src/Qwen3EvalTests.Cli -- baseline record`) and commit the recorded run.");
        return new AndConstraint<AnswerDriftAssertions>(this);
    }
}

public static class AnswerDriftAssertionExtensions
{
    public static AnswerDriftAssertions Should(this AnswerDrift drift) => new(drift);
}
