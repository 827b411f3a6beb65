using Qwen3EvalTests.Prompts.LmEval;

namespace Qwen3EvalTests.Tests.Prompts.LmEval;

/// <summary>
/// The rule table against a held-out transcription of the upstream tags: for each rule, whether it holds at v0.4.3 … v0.4.12
/// and HEAD, as read with <c>git show &lt;tag&gt;:&lt;path&gt;</c> on EleutherAI/lm-evaluation-harness, one marker per rule,
/// independent of the ranges written in <see cref="LmEvalRules"/>.
/// </summary>
public class LmEvalRulesTests
{
    /// <summary>The columns of <see cref="Observed"/>.</summary>
    private static readonly string[] Tags =
        ["0.4.3", "0.4.4", "0.4.5", "0.4.6", "0.4.7", "0.4.8", "0.4.9", "0.4.9.1", "0.4.9.2", "0.4.10", "0.4.11", "0.4.12", "HEAD"];

    /// <summary>
    /// '1' where the marker is there at that tag, '0' where it is not; columns as <see cref="Tags"/>.
    /// </summary>
    private static readonly Dictionary<LmEvalRuleId, string> Observed = new()
    {
        // lm_eval/utils.py: the jinja Environment has no keep_trailing_newline=True.
        [LmEvalRuleId.DescriptionLastNewlineDropped] = "1000000000000",

        // lm_eval/api/task.py: {"role": "system", "content": system_prompt} / Message("system", system_prompt).
        [LmEvalRuleId.ChatDescriptionIsSystemMessage] = "1111111111111",

        // lm_eval/api/task.py construct_requests: "if apply_chat_template:" followed by "target_delimiter = ".
        [LmEvalRuleId.ChatContinuationWithoutTargetDelimiter] = "0001111111111",

        // lm_eval/config/evaluate_config.py: self.fewshot_as_multiturn = bool(self.apply_chat_template) (the file is new in v0.4.10;
        // before, __main__.py --fewshot_as_multiturn default=False).
        [LmEvalRuleId.ChatShotsAsTurnsByDefault] = "0000000001111",

        // lm_eval/models/huggingface.py: enable_thinking.
        [LmEvalRuleId.ChatTemplateReceivesEnableThinking] = "0000000111111",

        // lm_eval/api/task.py: system_prompt = maybe_delimit(.
        [LmEvalRuleId.SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace] = "0000000001111",

        // no num_fewshot under lm_eval/tasks/{mmlu/default,ceval,cmmlu}, and evaluator.py set_config(key="num_fewshot", value=0).
        [LmEvalRuleId.ZeroShotByDefault] = "1111111111111",
    };

    public static TheoryData<string, string> TagsAndRules()
    {
        var rows = new TheoryData<string, string>();
        foreach (var tag in Tags)
        {
            foreach (var rule in Enum.GetValues<LmEvalRuleId>())
            {
                rows.Add(tag, rule.ToString());
            }
        }

        return rows;
    }

    internal static LmEvalVersion VersionOf(string tag) => tag == "HEAD" ? LmEvalVersion.Head : LmEvalVersion.Of(tag);

    /// <summary>The rules the held-out transcription says hold at <paramref name="tag"/>.</summary>
    internal static IReadOnlySet<LmEvalRuleId> ObservedAt(string tag)
    {
        var column = Array.IndexOf(Tags, tag);
        column.Should().BeGreaterThanOrEqualTo(0, $"{tag} is a column of the transcription");
        return Observed.Where(o => o.Value[column] == '1').Select(o => o.Key).ToHashSet();
    }

    [Theory]
    [MemberData(nameof(TagsAndRules))]
    public void EveryRuleHoldsExactlyWhereTheUpstreamTagsSayItDoes(string tag, string rule)
    {
        var id = Enum.Parse<LmEvalRuleId>(rule);
        var row = LmEvalRules.All.Single(r => r.Id == id);

        row.HoldsAt(VersionOf(tag)).Should().Be(ObservedAt(tag).Contains(id), $"{rule} ({row.Range}) at {tag}; evidence {string.Join("; ", row.Evidence)}");
    }

    [Fact]
    public void TheTranscriptionCoversEveryReadReleaseAndEveryRule()
    {
        LmEvalVersion.All.Select(v => v.Tag ?? "HEAD").Should().Equal(Tags);
        Observed.Keys.Should().BeEquivalentTo(Enum.GetValues<LmEvalRuleId>());
        Observed.Values.Should().OnlyContain(columns => columns.Length == Tags.Length && columns.All(c => c == '0' || c == '1'));
    }

    [Fact]
    public void TheTableHasOneRowPerRuleWithEvidenceAtUpstreamTags()
    {
        LmEvalRules.All.Select(r => r.Id).Should().Equal(Enum.GetValues<LmEvalRuleId>());
        foreach (var rule in LmEvalRules.All)
        {
            rule.Effect.Should().NotBeNullOrWhiteSpace();
            rule.Evidence.Should().NotBeEmpty();
            rule.Evidence.Should().OnlyContain(e => System.Text.RegularExpressions.Regex.IsMatch(e, @"^(v\d+(\.\d+)+|HEAD):lm_eval/[\w./-]+:\d+"), $"{rule.Id} cites tag:path:line");
            (rule.Until is null || rule.Since <= rule.Until).Should().BeTrue($"{rule.Id} has a non-empty range");
        }
    }

    [Theory]
    [InlineData(nameof(LmEvalRuleId.DescriptionLastNewlineDropped), "0.4.3", "0.4.4")]
    [InlineData(nameof(LmEvalRuleId.ChatContinuationWithoutTargetDelimiter), "0.4.5", "0.4.6")]
    [InlineData(nameof(LmEvalRuleId.ChatTemplateReceivesEnableThinking), "0.4.9", "0.4.9.1")]
    [InlineData(nameof(LmEvalRuleId.ChatShotsAsTurnsByDefault), "0.4.9.2", "0.4.10")]
    [InlineData(nameof(LmEvalRuleId.SystemInstructionDelimitedOnlyWithoutBoundaryWhitespace), "0.4.9.2", "0.4.10")]
    public void EachChangeFallsBetweenTwoConsecutiveReleases(string rule, string before, string after)
    {
        var row = LmEvalRules.All.Single(r => r.Id == Enum.Parse<LmEvalRuleId>(rule));
        var (earlier, later) = (LmEvalVersion.Of(before), LmEvalVersion.Of(after));

        LmEvalVersion.All.SkipWhile(v => v != earlier).Skip(1).First().Should().Be(later, "the two releases are consecutive");
        row.HoldsAt(earlier).Should().NotBe(row.HoldsAt(later), $"{rule} changes between v{before} and v{after}");
    }

    [Fact]
    public void VersionsAreOrderedAsReleasesWithHeadLast()
    {
        LmEvalVersion.All.Should().BeInAscendingOrder();
        LmEvalVersion.Of("0.4.9").Should().BeLessThan(LmEvalVersion.Of("0.4.9.1"));
        LmEvalVersion.Of("0.4.9.2").Should().BeLessThan(LmEvalVersion.Of("0.4.10"));
        LmEvalVersion.Of("v0.4.12").Should().BeLessThan(LmEvalVersion.Head);
        LmEvalVersion.Of("0.4.6").Should().Be(LmEvalVersion.Of("v0.4.6"));
        LmEvalVersion.Head.Revision.Should().Be("4e7e0d47");
    }

    [Theory]
    [InlineData("0.4.2")]
    [InlineData("0.5.0.dev1")]
    [InlineData("0.4.13")]
    public void AReleaseTheTableWasNotReadAtIsRefused(string tag)
    {
        var act = () => LmEvalVersion.Of(tag);

        act.Should().Throw<ArgumentException>().WithMessage("*read at v0.4.3*HEAD only*");
    }
}
