using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Inference.Suites;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Tests.Prompts;
using Qwen3EvalTests.Tests.Snapshots;

namespace Qwen3EvalTests.Gate.Tests;

/// <summary>
/// The first prompts every suite entry feeds its models, rendered from the shipped sample and kept as
/// approved snapshots (Snapshots/prompt-*.approved.txt): a pull request that changes what a model sees
/// shows the change as a diff here.
/// </summary>
public sealed class SuitePromptSnapshotTests
{
    [Theory]
    [MemberData(nameof(GateSuites.PromptConfigurations), MemberType = typeof(GateSuites))]
    public void FirstPromptsMatchTheApprovedSnapshot(string configuration)
    {
        var suiteCase = GateSuites.Suites.SelectMany(s => s.Cases).First(c => PromptConfiguration.Of(c) == configuration);
        var protocol = PromptProtocols.Get(suiteCase.Protocol);
        var dataset = GateRunnerFixture.Sample(suiteCase.Benchmark);
        var subject = dataset.Subjects[0];
        var shots = suiteCase.Shots > 0 ? ShotSelection.FirstK(dataset.Read(subject.Id, Split.Dev).Take(suiteCase.Shots).ToList(), suiteCase.Shots) : [];
        var chatOptions = SuiteCaseRunner.ChatOptionsOf(suiteCase.Mode);
        var prompts = dataset.Read(subject.Id, protocol.ScoredSplit(suiteCase.Benchmark))
            .Take(2)
            .Select(q => protocol.Render(new PromptRequest(q, subject, shots, suiteCase.Chat, chatOptions)))
            .ToList();

        var text = PromptSnapshotText.Format(protocol.Name, suiteCase.Benchmark.ToId(), subject.Id, suiteCase.Chat ? "chat" : "base", suiteCase.Shots, prompts);
        SnapshotAssert.Matches(text, Path.Combine("Snapshots", "prompt-" + configuration));
    }
}
