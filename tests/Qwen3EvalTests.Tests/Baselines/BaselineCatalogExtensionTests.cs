using System.Text.Json.Nodes;
using Qwen3EvalTests.Assertions;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Testing;

namespace Qwen3EvalTests.Tests.Baselines;

/// <summary>A project's own baselines file extends the shipped catalogue: it adds numbers and never replaces one.</summary>
public class BaselineCatalogExtensionTests
{
    private static readonly string ShippedText = File.ReadAllText(RepositoryFiles.PathOf(BaselineCatalog.RelativePath));

    private static readonly string Own = OwnBaselinesFile.Json("my-tiny", score: 25.0, tolerance: 30);

    [Fact]
    public void AnOwnNumberIsAddedBesideTheShippedOnes()
    {
        var shipped = BaselineCatalog.Parse(ShippedText, "shipped.json");

        var extended = shipped.ExtendedWith(BaselineCatalog.Parse(Own, "own.json"));

        extended.All.Should().HaveCount(shipped.All.Count + 1);
        extended.Find("my-tiny", Benchmark.Mmlu)!.Score.Should().Be(25.0);
        extended.Sources.Should().ContainKey("OWN1");
    }

    [Fact]
    public void ACopyOfTheShippedFileReplacesNothingAndAddsNothing()
    {
        var shipped = BaselineCatalog.Parse(ShippedText, "shipped.json");

        var extended = shipped.ExtendedWith(BaselineCatalog.Parse(ShippedText, "copy.json"));

        extended.All.Select(b => b.Id).Should().Equal(shipped.All.Select(b => b.Id));
        extended.Sources.Keys.Should().BeEquivalentTo(shipped.Sources.Keys);
    }

    [Fact]
    public void AShippedIdWithAnotherNumberIsRefusedNamingBothFiles()
    {
        var changed = JsonNode.Parse(ShippedText)!;
        var first = changed["baselines"]![0]!;
        var id = first["id"]!.GetValue<string>();
        first["score"] = first["score"]!.GetValue<double>() + 10;
        changed["sources"]!["S1"]!["title"] = "another title";

        var act = () => BaselineCatalog.Parse(ShippedText, "shipped.json").ExtendedWith(BaselineCatalog.Parse(changed.ToJsonString(), "own.json"));

        act.Should().Throw<EvalInputException>().Which.Message.Should()
            .Contain($"own.json: baselines.{id}: is already a baseline of shipped.json, with other contents")
            .And.Contain("own.json: sources.S1: is already a source of shipped.json, with other contents")
            .And.NotContain("baselines.qwen2-1.5b-base/mmlu:", "an identical entry is no conflict");
    }
}
