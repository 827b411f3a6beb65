using Qwen3EvalTests.Cli.Commands;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qwen3eval-compare-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task NamesTheProtocolWhenComparingRunsOfTwoProtocols()
    {
        var a = await RunMmlu(_folder, protocol: "qwen");
        var b = await RunMmlu(_folder, protocol: "lm-eval");

        var compare = await CliRun.RunAsync("compare", a, b);

        compare.ExitCode.Should().Be(0, compare.Stderr);
        compare.Stdout.Should().Contain("differs: protocol (qwen → lm-eval)");
        compare.Stdout.Should().Contain("McNemar");
    }

    [Fact]
    public async Task ARunAgainstItselfHasTheSameQuestions()
    {
        var file = await RunMmlu(_folder);

        var compare = await CliRun.RunAsync("compare", file, file);

        compare.ExitCode.Should().Be(0, compare.Stderr);
        compare.Stdout.Should().Contain($"A: {file} (3 questions)").And.Contain("questions: the same 3 in both runs")
            .And.Contain("same identity").And.Contain("delta 0.00 points");
    }

    [Fact]
    public async Task RunsOfDifferentLimitsAreComparedOnTheCommonQuestionsWithTheCounts()
    {
        var one = Path.Combine(_folder, "one");
        var two = Path.Combine(_folder, "two");
        var a = await RunMmlu(one, limit: 1);
        var b = await RunMmlu(two, limit: 2);

        var compare = await CliRun.RunAsync("compare", a, b);

        compare.ExitCode.Should().Be(0, compare.Stderr);
        compare.Stdout.Should().Contain($"A: {a} (3 questions)").And.Contain($"B: {b} (6 questions)")
            .And.Contain("questions: 3 in common (0 only in A, 3 only in B); every accuracy below is on the 3 common questions")
            .And.Contain("differs: limit (1 → 2)")
            .And.Contain("3 questions only in B, not compared (first: abstract_algebra#1)")
            .And.Contain("delta 0.00 points", "the same model answers the same three questions alike");
        compare.Stdout.Should().MatchRegex(@"(?m)^abstract_algebra\s+1\s+2\s+1\s");
    }

    [Fact]
    public async Task RunsWithNoQuestionInCommonAreRefusedWithExitCode2()
    {
        var a = await RunMmlu(_folder);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(a))!;
        foreach (var question in json["questions"]!.AsArray())
        {
            question!["index"] = 100;
        }

        var shifted = Path.Combine(_folder, "shifted.json");
        File.WriteAllText(shifted, json.ToJsonString());

        var compare = await CliRun.RunAsync("compare", a, shifted);

        compare.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, compare.Stderr);
        compare.Stderr.Should().Contain("no question in common").And.Contain($"{a} scored 3 questions").And.Contain($"{shifted} 3");
        compare.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void ASubjectAbsentOnOneSideIsShownAbsentWithoutADelta()
    {
        var comparison = new Qwen3EvalTests.Comparison.RunComparison(
            "a.json", "b.json", "mmlu", QuestionsA: 3, QuestionsB: 3, Common: 2, 0.5, 1.0, 0.5, 1.0,
            [
                new("algebra", 2, 2, 2, 0.5, 1.0),
                new("law", 1, null, 0, null, null),
                new("optics", null, 1, 0, null, null),
            ],
            Qwen3EvalTests.Comparison.AnswerDrift.Between([], []),
            [],
            SameIdentity: false);
        using var output = new StringWriter();

        CompareCommand.Write(output, comparison);

        var lines = output.ToString().Split(Environment.NewLine);
        lines.Should().Contain("questions: 2 in common (1 only in A, 1 only in B); every accuracy below is on the 2 common questions");
        lines.Should().ContainMatch("algebra *2      2      2   50.0%  100.0%   +50.0");
        lines.Should().ContainMatch("law *1 absent      0  absent from B");
        lines.Should().ContainMatch("optics *absent      1      0  absent from A");
        lines.Single(l => l.StartsWith("law ", StringComparison.Ordinal)).Should().NotContain("%", "an absent subject has no accuracy, not 0.0 %");
        lines.Single(l => l.StartsWith("optics ", StringComparison.Ordinal)).Should().NotContain("%");
    }

    [Fact]
    public async Task AMissingResultsFileIsABadInputErrorWithoutAStackTrace()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var compare = await CliRun.RunAsync("compare", missing, missing);

        compare.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
        compare.Stderr.Should().Contain(missing).And.Contain("not found").And.NotContain("   at ");
    }

    [Fact]
    public async Task ARunWhoseQuestionIsRecordedTwiceIsRefusedNamingTheFileAndRecord()
    {
        var good = await RunMmlu(_folder);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(good))!;
        var questions = json["questions"]!.AsArray();
        questions.Add(questions[0]!.DeepClone());
        var doubled = Path.Combine(_folder, "doubled.json");
        File.WriteAllText(doubled, json.ToJsonString());

        var compare = await CliRun.RunAsync("compare", good, doubled);

        compare.ExitCode.Should().Be(QwenEvalCli.ExitBadInput, compare.Stderr);
        compare.Stderr.Should().Contain(doubled).And.Contain("second time").And.NotContain("same key");
    }

    /// <summary>The generated model on MMLU (<paramref name="limit"/> questions per subject) into <paramref name="output"/>; the results file written.</summary>
    private static async Task<string> RunMmlu(string output, int limit = 1, string protocol = "qwen")
    {
        var run = await CliRun.RunAsync("run", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--protocol", protocol, "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output);
        run.ExitCode.Should().Be(0, run.Stderr);
        return Directory.GetFiles(output, $"mmlu-{protocol}-*.json", SearchOption.AllDirectories).Single();
    }
}
