using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Tests.Baselines;

/// <summary>
/// Which published number a run outside a suite is set against. Expected ids are those of baselines/official.json, read
/// off the file (e.g. "qwen2-1.5b-base/mmlu" for the model the source calls "Qwen2-1.5B").
/// </summary>
public class PublishedBaselineFinderTests
{
    private static readonly BaselineCatalog Catalog = OfficialBaselines.Load();

    [Theory]
    [InlineData("Qwen2-1.5B", "base", "mmlu", null, "qwen2-1.5b-base/mmlu")]
    [InlineData("qwen2-1.5b", "base", "ceval", null, "qwen2-1.5b-base/ceval")]
    [InlineData("qwen2-1.5b-base", "base", "cmmlu", null, "qwen2-1.5b-base/cmmlu")]
    [InlineData("Qwen3-8B-Base", "base", "mmlu", null, "qwen3-8b-base/mmlu")]
    [InlineData("/models/Qwen2-7B-Instruct/", "instruct", "mmlu", null, "qwen2-7b-instruct/mmlu")]
    public void TheModelIsFoundByTheSourcesNameOrTheCatalogueId(string name, string kind, string benchmark, string? mode, string expected) =>
        PublishedBaselineFinder.For(Catalog, name, ModelKinds.Parse(kind, "kind"), BenchmarkIds.Parse(benchmark), mode)!.Id.Should().Be(expected);

    [Fact]
    public void AQwen3PostTrainedModelIsFoundPerThinkingMode()
    {
        var thinking = PublishedBaselineFinder.For(Catalog, "Qwen3-8B", ModelKind.Instruct, Benchmark.Ceval, "thinking");
        var nonThinking = PublishedBaselineFinder.For(Catalog, "Qwen3-8B", ModelKind.Instruct, Benchmark.Ceval, "non-thinking");

        thinking!.Mode.Should().Be("thinking");
        nonThinking!.Mode.Should().Be("non-thinking");
        thinking.Score.Should().NotBe(nonThinking.Score, "the report publishes one number per mode");
        PublishedBaselineFinder.For(Catalog, "Qwen3-8B", ModelKind.Instruct, Benchmark.Ceval, mode: null).Should().BeNull("a Qwen3 post-trained number is always of one mode");
    }

    [Theory]
    [InlineData("Qwen2-1.5B", "instruct", "mmlu")] // the base model's number is not the instruct model's
    [InlineData("tiny-bytes-2695f7782a270d4c", "base", "mmlu")]
    [InlineData("Qwen2-1.5B-int4", "base", "mmlu")] // an export suffix is not guessed away: a suite maps such a folder
    public void NoNumberIsFoundForAnotherKindOrAnUnknownName(string name, string kind, string benchmark) =>
        PublishedBaselineFinder.For(Catalog, name, ModelKinds.Parse(kind, "kind"), BenchmarkIds.Parse(benchmark), null).Should().BeNull();

    [Fact]
    public void ASuitesModelEntryMapsItsFolderToTheBaselineId()
    {
        var entry = new SuiteModel("qwen2-1.5b-base", ModelKind.Base, "Qwen2-1.5B-int4", "Qwen/Qwen2-1.5B", null, [null], null);

        PublishedBaselineFinder.For(Catalog, "Qwen2-1.5B-int4", ModelKind.Base, Benchmark.Mmlu, null, [entry])!.Id.Should().Be("qwen2-1.5b-base/mmlu");
    }
}
