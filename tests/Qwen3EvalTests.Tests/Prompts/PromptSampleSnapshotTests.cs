using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
using Qwen3EvalTests.Prompts.LmEval;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Gate.Snapshots;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>
/// Every benchmark × protocol × {base, chat} on the shipped sample: the first two scored-split
/// questions of the first subject with the protocol's default shots, against
/// Snapshots/sample/&lt;protocol&gt;.&lt;benchmark&gt;.&lt;form&gt;.approved.txt.
/// </summary>
public class PromptSampleSnapshotTests
{
    public static TheoryData<string, string, string> Cases { get; } = PromptSnapshotCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void SamplePromptsMatchTheApprovedSnapshot(string benchmark, string protocol, string form) =>
        SnapshotAssert.Matches(Render(PromptProtocols.Get(protocol), benchmark, form), PromptSnapshotCases.Name("sample", benchmark, protocol, form));

    [Fact]
    public void ChangingOneCharacterOfATemplateFailsAgainstTheSampleSnapshot()
    {
        var approved = Path.Combine(SourceDirectory(), PromptSnapshotCases.Name("sample", "ceval", "lm-eval", "base") + ".approved.txt");
        var directory = Directory.CreateTempSubdirectory("prompt-snapshot-").FullName;
        try
        {
            var copy = Path.Combine(directory, "lm-eval.ceval.base.approved.txt");
            var received = Path.Combine(directory, "lm-eval.ceval.base.received.txt");
            File.Copy(approved, copy);
            var modified = new LmEvalProtocol(LmEvalTemplates.Default with { ChineseAnswerCue = "答案:" });

            var act = () => SnapshotAssert.Matches(Render(modified, "ceval", "base"), copy, received, new SnapshotSettings(AutoAccept: false));

            var message = act.Should().Throw<SnapshotMismatchException>().Which.Message;
            message.Should().Contain("\n-答案：").And.Contain("\n+答案:").And.Contain($"mv '{received}' '{copy}'");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Render(IPromptProtocol protocol, string benchmarkId, string form)
    {
        var benchmark = BenchmarkIds.Parse(benchmarkId);
        var chat = form == "chat";
        var subject = DataFolder.Open(DataFolder.SampleDirectory, benchmark).Subjects[0];
        var plan = new EvaluationPlan(benchmark, protocol, DataFolder.SampleDirectory, Chat: chat, Limit: 2, Subjects: [subject.Id]);
        var prompts = PlanPrompts.Of(plan).Select(p => (p.Question, p.Prompt)).ToArray();
        return PromptSnapshotText.Format(plan.Settings, subject.Id, plan.EffectiveShots, prompts);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
