using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Prompts.LmEval;

namespace Qwen3EvalTests.Tests.Prompts.LmEval;

/// <summary>A named variant is the set of rules of its release: all of them, as the range table and the upstream tags say.</summary>
public class LmEvalReleaseTests
{
    public static TheoryData<string, string> VariantsAndRules()
    {
        var rows = new TheoryData<string, string>();
        foreach (var variant in new[] { "lm-eval", "lm-eval@0.4.9", "lm-eval@0.4.3" })
        {
            foreach (var rule in Enum.GetValues<LmEvalRuleId>())
            {
                rows.Add(variant, rule.ToString());
            }
        }

        return rows;
    }

    private static LmEvalRelease ReleaseOf(string variant) => ((LmEvalProtocol)PromptProtocols.Get(variant)).Release;

    [Theory]
    [MemberData(nameof(VariantsAndRules))]
    public void EachRuleOfANamedVariantIsOnExactlyWhenItsRangeContainsTheRelease(string variant, string rule)
    {
        var release = ReleaseOf(variant);
        var row = LmEvalRules.All.Single(r => r.Id == Enum.Parse<LmEvalRuleId>(rule));
        var inRange = release.Version >= row.Since && (row.Until is null || release.Version <= row.Until);

        release.Holds(row.Id).Should().Be(inRange, $"{variant} is {release.Revision} and {rule} holds {row.Range}");
        release.Rules.Contains(row.Id).Should().Be(inRange);
    }

    [Theory]
    [InlineData("lm-eval", "HEAD")]
    [InlineData("lm-eval@0.4.9", "0.4.9")]
    [InlineData("lm-eval@0.4.3", "0.4.3")]
    public void ANamedVariantHasTheRulesTheUpstreamTagShows(string variant, string tag)
    {
        ReleaseOf(variant).Rules.Should().BeEquivalentTo(LmEvalRulesTests.ObservedAt(tag), $"{variant} is the set of rules of {tag}");
    }

    [Fact]
    public void TheNamedVariantsAreHeadV049AndV043()
    {
        LmEvalRelease.All.Select(r => r.Tag).Should().Equal(null, "0.4.9", "0.4.3");
        LmEvalRelease.All.Select(r => r.Revision).Should().Equal("4e7e0d47", "v0.4.9", "v0.4.3");
        ReleaseOf("lm-eval").Should().Be(LmEvalRelease.Head);
        ReleaseOf("lm-eval@0.4.9").Should().Be(LmEvalRelease.V0_4_9);
        ReleaseOf("lm-eval@0.4.3").Should().Be(LmEvalRelease.V0_4_3);
        LmEvalRelease.Of("v0.4.9").Should().Be(LmEvalRelease.V0_4_9, "a release is its version");
    }

    [Fact]
    public void Release043IsTheOnlyOneThatDropsTheDescriptionNewlineAndHasNoChatTargetDelimiterRule()
    {
        LmEvalRelease.V0_4_3.Rules.Should().BeEquivalentTo([LmEvalRuleId.DescriptionLastNewlineDropped, LmEvalRuleId.ChatDescriptionIsSystemMessage, LmEvalRuleId.ZeroShotByDefault]);
        LmEvalRelease.V0_4_9.Rules.Should().BeEquivalentTo([LmEvalRuleId.ChatDescriptionIsSystemMessage, LmEvalRuleId.ChatContinuationWithoutTargetDelimiter, LmEvalRuleId.ZeroShotByDefault]);
        LmEvalRelease.Head.Rules.Should().BeEquivalentTo(Enum.GetValues<LmEvalRuleId>().Except([LmEvalRuleId.DescriptionLastNewlineDropped]));
    }

    [Theory]
    [InlineData("0.4.5", false)]
    [InlineData("0.4.6", true)]
    public void TheChatTargetDelimiterRuleStartsAtV046(string tag, bool holds)
    {
        LmEvalRelease.Of(tag).Holds(LmEvalRuleId.ChatContinuationWithoutTargetDelimiter).Should().Be(holds);
    }

    [Theory]
    [InlineData("0.4.3", true)]
    [InlineData("0.4.4", false)]
    public void TheDescriptionNewlineRuleEndsAtV043(string tag, bool holds)
    {
        LmEvalRelease.Of(tag).Holds(LmEvalRuleId.DescriptionLastNewlineDropped).Should().Be(holds);
    }

    [Theory]
    [InlineData("0.4.9", false)]
    [InlineData("0.4.9.1", true)]
    public void TheEnableThinkingRuleStartsAtV0491(string tag, bool holds)
    {
        LmEvalRelease.Of(tag).Holds(LmEvalRuleId.ChatTemplateReceivesEnableThinking).Should().Be(holds);
    }

    [Theory]
    [InlineData("0.4.9.2", false)]
    [InlineData("0.4.10", true)]
    public void TheMultiTurnDefaultAndTheSystemJoinStartAtV0410(string tag, bool holds)
    {
        LmEvalRelease.Of(tag).Holds(LmEvalRuleId.ChatShotsAsTurnsByDefault).Should().Be(holds);
        LmEvalRelease.Of(tag).Holds(LmEvalRuleId.SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace).Should().Be(holds);
    }
}
