using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts.Qwen;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Gate.Snapshots;

namespace Qwen3EvalTests.Tests.Prompts;

/// <summary>
/// Every benchmark × protocol × {base, chat} on the hand-made fixture questions, with the protocol's
/// default shots, against Snapshots/fixtures/&lt;protocol&gt;.&lt;benchmark&gt;.&lt;form&gt;.approved.txt.
/// </summary>
public class PromptSnapshotTests
{
    public static TheoryData<string, string, string> Cases { get; } = PromptSnapshotCases.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixturePromptsMatchTheApprovedSnapshot(string benchmark, string protocol, string form) =>
        SnapshotAssert.Matches(RenderFixtures(PromptProtocols.Get(protocol), benchmark, form), PromptSnapshotCases.Name("fixtures", benchmark, protocol, form));

    [Fact]
    public void ChangingOneCharacterOfATemplateFailsWithAReadableDiff()
    {
        var approved = Path.Combine(SourceDirectory(), PromptSnapshotCases.Name("fixtures", "mmlu", "qwen", "base") + ".approved.txt");
        var directory = Directory.CreateTempSubdirectory("prompt-snapshot-").FullName;
        try
        {
            var copy = Path.Combine(directory, "qwen.mmlu.base.approved.txt");
            var received = Path.Combine(directory, "qwen.mmlu.base.received.txt");
            File.Copy(approved, copy);
            var modified = new QwenProtocol(QwenTemplates.Default with { MmluAnswerCue = "Answer;" });

            var act = () => SnapshotAssert.Matches(RenderFixtures(modified, "mmlu", "base"), copy, received, new SnapshotSettings(AutoAccept: false));

            act.Should().Throw<SnapshotMismatchException>().Which.Message.Should()
                .Contain("\n-Answer: B⏎\n+Answer; B⏎\n")
                .And.Contain("\n-Answer:⏎\n+Answer;⏎\n")
                .And.Contain($"mv '{received}' '{copy}'");
            File.Exists(received).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RenderFixtures(IPromptProtocol protocol, string benchmarkId, string form)
    {
        var benchmark = BenchmarkIds.Parse(benchmarkId);
        var chat = form == "chat";
        var settings = protocol.Settings(benchmark, chat);
        var shots = settings.DefaultShots;
        var prompts = PromptFixtures.Queries(benchmark)
            .Select(q => (q, protocol.Render(q, PromptFixtures.Subject(benchmark), PromptFixtures.Dev(benchmark), shots, chat)))
            .ToArray();
        return PromptSnapshotText.Format(settings, PromptFixtures.Subject(benchmark).Id, shots, prompts);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
