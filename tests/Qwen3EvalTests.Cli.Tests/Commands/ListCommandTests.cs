using System.Text.Json;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Cli.Listing;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class ListCommandTests
{
    [Fact]
    public async Task ProtocolsListsEachFamilyAndTheLmEvalReleasesAsVariants()
    {
        var ls = await CliRun.RunAsync("ls", "protocols");

        ls.ExitCode.Should().Be(0, ls.Stderr);
        var lines = ls.Stdout.Split(Environment.NewLine);
        lines[0].Should().MatchRegex(@"^protocol\s+family\s+variant\s+benchmarks \(base\)\s+benchmarks \(chat\)$");
        lines.Should().Contain(l => l.StartsWith("qwen ", StringComparison.Ordinal) && l.Contains("(default)"));
        lines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^lm-eval@0\.4\.3\s+lm-eval\s+0\.4\.3\s+mmlu,ceval,cmmlu"));
        lines.Should().Contain(l => l.StartsWith("opencompass ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("opencompass@clean ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProtocolsJsonNamesFamilyVariantAndTheBenchmarksRendered()
    {
        var ls = await CliRun.RunAsync("ls", "protocols", "--json");

        ls.ExitCode.Should().Be(0, ls.Stderr);
        using var json = JsonDocument.Parse(ls.Stdout);
        json.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(1);
        var protocols = json.RootElement.GetProperty("protocols").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        protocols.Keys.Should().Contain(["qwen", "qwen@pandas2", "lm-eval", "lm-eval@0.4.9", "lm-eval@0.4.3", "opencompass", "opencompass@clean"]);
        protocols["lm-eval@0.4.3"].GetProperty("family").GetString().Should().Be("lm-eval");
        protocols["lm-eval@0.4.3"].GetProperty("variant").GetString().Should().Be("0.4.3");
        protocols["qwen"].TryGetProperty("variant", out _).Should().BeFalse("the default of a family has no variant");
        Ids(protocols["qwen"].GetProperty("benchmarks")).Should().Contain(["mmlu", "ceval", "cmmlu", "mmlu5-fixture"]);
        Ids(protocols["opencompass"].GetProperty("benchmarks")).Should().Contain("mmlu").And.NotContain("mmlu5-fixture");
        protocols["qwen"].GetProperty("templateFingerprint").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task BenchmarksShowsTheOptionCountOfEach()
    {
        var ls = await CliRun.RunAsync("ls", "benchmarks");

        ls.ExitCode.Should().Be(0, ls.Stderr);
        var lines = ls.Stdout.Split(Environment.NewLine);
        lines[0].Should().MatchRegex(@"^benchmark\s+options\s+letters\s+splits\s+scored\s+header\s+official\s+protocols$");
        lines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mmlu\s+4\s+ABCD\s+dev,val,test\s+test\s+no\s+yes\s+qwen,"));
        lines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ceval \(c-eval\)\s+4\s+ABCD\s+dev,val,test\s+val\s+yes\s+yes"));
        lines.Should().Contain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^mmlu5-fixture\s+5\s+ABCDE\s+dev,test\s+test\s+no\s+no \(test\)"));
    }

    [Fact]
    public async Task BenchmarksJsonHasOptionsLettersAndScoredSplit()
    {
        var ls = await CliRun.RunAsync("ls", "benchmarks", "--json");

        using var json = JsonDocument.Parse(ls.Stdout);
        var benchmarks = json.RootElement.GetProperty("benchmarks").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        benchmarks.Keys.Should().BeEquivalentTo(["mmlu", "ceval", "cmmlu", "mmlu5-fixture"]);
        benchmarks["mmlu"].GetProperty("options").GetInt32().Should().Be(4);
        benchmarks["mmlu5-fixture"].GetProperty("options").GetInt32().Should().Be(5);
        benchmarks["mmlu5-fixture"].GetProperty("letters").GetString().Should().Be("ABCDE");
        benchmarks["mmlu5-fixture"].GetProperty("official").GetBoolean().Should().BeFalse();
        benchmarks["ceval"].GetProperty("scoredSplit").GetString().Should().Be("val");
        Ids(benchmarks["ceval"].GetProperty("aliases")).Should().Equal("c-eval");
    }

    [Fact]
    public async Task SuitesListsTheRepositorysSuitesWithTheirBaselineOrigin()
    {
        var ls = await CliRun.RunAsync("ls", "suites", "--repo", RepositoryRoot.Path);

        ls.ExitCode.Should().Be(0, ls.Stderr);
        ls.Stdout.Should().StartWith($"suites in {Path.Combine(RepositoryRoot.Path, "evalsuites")}:");
        ls.Stdout.Should().MatchRegex(@"(?m)^tiny\s+tiny\s+recorded\s+12\s+±1 or 95% CI\s+mmlu,ceval,cmmlu,mmlu5-fixture\s+tiny-bytes-seed1,tiny-planted-a,tiny-planted-c\s*$");
        ls.Stdout.Should().MatchRegex(@"(?m)^qwen3\s+\S+\s+official\s");
    }

    [Fact]
    public async Task SuitesJsonHasTheTinySuitesModelsAndBenchmarks()
    {
        var ls = await CliRun.RunAsync("ls", "suites", "--repo", RepositoryRoot.Path, "--json");

        ls.ExitCode.Should().Be(0, ls.Stderr);
        using var json = JsonDocument.Parse(ls.Stdout);
        var suites = json.RootElement.GetProperty("suites").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        suites.Keys.Should().Contain(["tiny", "qwen2", "qwen2.5", "qwen3"]);
        suites["tiny"].GetProperty("baseline").GetString().Should().Be("recorded");
        Ids(suites["tiny"].GetProperty("models")).Should().Contain(["tiny-bytes-seed1", "tiny-planted-a", "tiny-planted-c"]);
        Ids(suites["tiny"].GetProperty("benchmarks")).Should().Equal("mmlu", "ceval", "cmmlu", "mmlu5-fixture");
        suites["tiny"].GetProperty("tolerancePoints").GetDouble().Should().Be(1.0);
        suites["tiny"].GetProperty("cases").GetInt32().Should().Be(12, "three models × four benchmarks");
    }

    [Fact]
    public async Task SuitesOutsideARepositoryIsABadInputErrorNamingTheFolder()
    {
        var empty = Directory.CreateTempSubdirectory("qwen3eval-ls-").FullName;
        try
        {
            var ls = await CliRun.RunAsync("ls", "suites", "--repo", empty);

            ls.ExitCode.Should().Be(QwenEvalCli.ExitBadInput);
            ls.Stderr.Should().Contain(Path.Combine(empty, "evalsuites")).And.Contain("--repo").And.NotContain("   at ");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void SuitesOfAProjectOutsideTheRepositoryAreCheckedAgainstTheShippedCatalogue()
    {
        var project = Directory.CreateTempSubdirectory("qwen3eval-ls-project-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "evalsuites"));
            File.Copy(Path.Combine(RepositoryRoot.Path, "evalsuites", "qwen3.yaml"), Path.Combine(project, "evalsuites", "qwen3.yaml"));

            var list = Listings.Suites(null, project);

            list.Folder.Should().Be(Path.Combine(project, "evalsuites"));
            list.Suites.Should().ContainSingle().Which.Name.Should().Be("qwen3");
            list.Suites[0].Baseline.Should().Be("official");
            list.Suites[0].Models.Should().Contain("qwen3-8b-base");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task BaselinesListsThePublishedScoresOfTheRepositorysCatalogue()
    {
        var ls = await CliRun.RunAsync("ls", "baselines", "--repo", RepositoryRoot.Path);

        ls.ExitCode.Should().Be(0, ls.Stderr);
        ls.Stdout.Should().StartWith($"baselines in {Path.Combine(RepositoryRoot.Path, "baselines", "official.json")} (repository):");
        ls.Stdout.Should().MatchRegex(@"(?m)^qwen2-0\.5b-base/mmlu\s+mmlu\s+45\.4\s+5\s");
        ls.Stdout.Should().MatchRegex(@"(?m)^qwen2-1\.5b-base/mmlu\s+mmlu\s+56\.5\s+5\s");
    }

    [Fact]
    public async Task BaselinesJsonHasEveryEntryWithScoreAndGate()
    {
        var ls = await CliRun.RunAsync("ls", "baselines", "--repo", RepositoryRoot.Path, "--json");

        using var json = JsonDocument.Parse(ls.Stdout);
        json.RootElement.GetProperty("origin").GetString().Should().Be("repository");
        var entries = json.RootElement.GetProperty("baselines").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        entries.Should().HaveCount(85);
        entries["qwen2-0.5b-base/ceval"].GetProperty("score").GetDouble().Should().Be(58.2);
        entries["qwen2-0.5b-base/ceval"].GetProperty("benchmark").GetString().Should().Be("ceval");
        entries["qwen2-0.5b-base/ceval"].GetProperty("kind").GetString().Should().Be("base");
        entries["qwen2-0.5b-base/ceval"].GetProperty("gate").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void TheCatalogueShippedBesideTheProgramIsTheRepositorysOwn()
    {
        File.Exists(Listings.ShippedBaselines).Should().BeTrue(Listings.ShippedBaselines);

        File.ReadAllText(Listings.ShippedBaselines).Should().Be(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "baselines", "official.json")));
        BaselineCatalog.Load(Listings.ShippedBaselines).All.Should().HaveCount(85);
    }

    private static List<string> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
