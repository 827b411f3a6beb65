using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Evaluation;
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
        var subject = GateRunnerFixture.Sample(suiteCase.Benchmark).Subjects[0];
        var plan = SuiteCaseRunner.PlanOf(suiteCase, GateRunnerFixture.SampleFolder, limit: 2) with { Subjects = [subject.Id] };
        var prompts = PlanPrompts.Of(plan).Select(p => (p.Question, p.Prompt)).ToList();

        var text = PromptSnapshotText.Format(plan.Settings, subject.Id, plan.EffectiveShots, prompts);
        SnapshotAssert.Matches(text, Path.Combine("Snapshots", "prompt-" + configuration));
    }
}
