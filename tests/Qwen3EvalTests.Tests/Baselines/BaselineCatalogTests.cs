using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Baselines;

public class BaselineCatalogTests
{
    [Fact]
    public void ShippedBaselinesLoadWithoutProblems()
    {
        var catalog = OfficialBaselines.Load();
        catalog.All.Should().HaveCount(85);
        catalog.Gate.Should().HaveCount(62);
        catalog.All.Count(b => b.IsThirdParty).Should().Be(12);
        catalog.All.Where(b => b.IsThirdParty).Should().OnlyContain(b => !b.Gate);
    }

    [Theory]
    [InlineData("qwen2", 25)]
    [InlineData("qwen2.5", 13)]
    [InlineData("qwen3", 24)]
    public void CountsGateBaselinesPerFamily(string family, int expected) =>
        OfficialBaselines.Load().GateForFamily(family).Should().HaveCount(expected);

    [Theory]
    [InlineData("qwen2-1.5b-base", Benchmark.Ceval, null, 70.6)]
    [InlineData("qwen2-1.5b-base", Benchmark.Cmmlu, null, 70.3)]
    [InlineData("qwen2-1.5b-base", Benchmark.Mmlu, null, 56.5)]
    [InlineData("qwen2-7b-instruct", Benchmark.Mmlu, null, 70.5)]
    [InlineData("qwen2-7b-instruct", Benchmark.Ceval, null, 77.2)]
    [InlineData("qwen2-72b-instruct", Benchmark.Mmlu, null, 82.3)]
    [InlineData("qwen2-72b-instruct", Benchmark.Ceval, null, 83.8)]
    [InlineData("qwen2.5-72b-base", Benchmark.Mmlu, null, 86.1)]
    [InlineData("qwen2.5-7b-instruct", Benchmark.Ceval, null, 76.2)]
    [InlineData("qwen3-8b-base", Benchmark.Mmlu, null, 76.89)]
    [InlineData("qwen3-8b", Benchmark.Ceval, "thinking", 83.4)]
    [InlineData("qwen3-8b", Benchmark.Ceval, "non-thinking", 77.9)]
    public void FindsTheSeedCasesWithTheirPublishedNumbers(string modelId, Benchmark benchmark, string? mode, double score)
    {
        var baseline = OfficialBaselines.Load().Find(modelId, benchmark, mode);
        baseline.Should().NotBeNull();
        baseline!.Score.Should().Be(score);
        baseline.Gate.Should().BeTrue();
        baseline.Tolerance.Should().Be(1.0);
        baseline.ToleranceNote.Should().Contain("#700");
    }

    [Fact]
    public void Qwen2InstructModelsHaveNoOfficialCmmlu()
    {
        var catalog = OfficialBaselines.Load();
        catalog.Find("qwen2-7b-instruct", Benchmark.Cmmlu).Should().BeNull();
        catalog.FindAll("qwen2-72b-instruct", Benchmark.Cmmlu).Should().OnlyContain(b => b.IsThirdParty);
    }

    [Fact]
    public void KeepsQwensOwnReReportApartFromTheGateNumber()
    {
        var all = OfficialBaselines.Load().FindAll("qwen2-1.5b-base", Benchmark.Mmlu);
        all.Select(b => (b.Score, b.ReportedIn, b.Gate)).Should().BeEquivalentTo(
            new (double, string?, bool)[] { (56.5, null, true), (55.9, "qwen2.5-report", false), (51.11, "third-party:P1", false) });
    }

    [Fact]
    public void SaysWhenTheSourceDoesNotStateProtocolOrSplit()
    {
        var baseline = OfficialBaselines.Load().Find("qwen2-1.5b-base", Benchmark.Mmlu)!;
        baseline.Protocol.Should().BeNull();
        baseline.ProtocolNote.Should().Contain("not stated");
        baseline.Split.Should().BeNull();
        baseline.SplitNote.Should().Contain("not stated");
        baseline.Kind.Should().Be(ModelKind.Base);
        baseline.SourceIds.Should().Equal("S1", "S2");
    }

    [Fact]
    public void ReportsEveryProblemOfABadFileAtOnceNamingEachEntry()
    {
        const string json = """
            {
              "schemaVersion": 2,
              "sources": { "S1": { "title": "Qwen2 report", "where": "arXiv" } },
              "baselines": [
                { "id": "a/mmlu", "model": "A", "modelId": "a", "kind": "base", "benchmark": "mmlu", "score": 101,
                  "protocolNote": "n", "splitNote": "n", "source": "S1", "sourceIds": ["S1"], "status": "V", "tolerance": 1, "toleranceNote": "t" },
                { "id": "a/mmlu", "model": "A", "modelId": "a", "kind": "base", "benchmark": "gsm8k",
                  "protocolNote": "n", "splitNote": "n", "source": "S9", "sourceIds": ["S9"], "status": "V", "tolerance": 0, "toleranceNote": "t" },
                { "id": "b/ceval", "model": "B", "modelId": "b", "kind": "chat", "benchmark": "ceval", "score": 50,
                  "protocolNote": "n", "splitNote": "n", "status": "V", "tolerance": 1, "toleranceNote": "t" }
              ]
            }
            """;
        var path = Path.Combine(Path.GetTempPath(), $"baselines-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var act = () => BaselineCatalog.Load(path);
            var error = act.Should().Throw<EvalInputException>().Which;
            error.File.Should().Be(path);
            error.Message.Should().Contain("unknown schemaVersion (2)")
                .And.Contain("$.baselines[0] (a/mmlu).score: score 101 is outside 0-100")
                .And.Contain("$.baselines[1] (a/mmlu).id: duplicate id 'a/mmlu'")
                .And.Contain("$.baselines[1] (a/mmlu).benchmark: unknown benchmark 'gsm8k'")
                .And.Contain("$.baselines[1] (a/mmlu).score: missing score")
                .And.Contain("$.baselines[1] (a/mmlu).sourceIds: unknown source id 'S9'")
                .And.Contain("$.baselines[1] (a/mmlu).tolerance: tolerance 0")
                .And.Contain("$.baselines[2] (b/ceval).kind: 'chat' is not a model kind")
                .And.Contain("$.baselines[2] (b/ceval).source: missing source")
                .And.Contain("9 problems");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RejectsAThirdPartyNumberInTheGate()
    {
        const string json = """
            {"schemaVersion":1,"sources":{"P1":{"title":"t","where":"w"}},"baselines":[
             {"id":"x/mmlu","model":"X","modelId":"x","kind":"base","benchmark":"mmlu","score":50,"protocolNote":"n","splitNote":"n",
              "source":"P1","sourceIds":["P1"],"status":"3P","gate":true,"tolerance":1,"toleranceNote":"t"}]}
            """;
        FluentActions.Invoking(() => BaselineCatalog.Parse(json, "inline.json"))
            .Should().Throw<EvalInputException>().WithMessage("*x/mmlu*third-party (3P) number cannot gate*");
    }

    [Fact]
    public void ReportsMalformedJsonWithItsLine() =>
        FluentActions.Invoking(() => BaselineCatalog.Parse("{\n \"schemaVersion\": 1,\n \"sources\": [", "broken.json"))
            .Should().Throw<EvalInputException>().Where(e => e.File == "broken.json" && e.Line != null);
}
