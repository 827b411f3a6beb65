using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Provenance;

namespace Qwen3EvalTests.Tests.Caching;

public sealed class CachingLanguageModelTests : IDisposable
{
    private static readonly ModelIdentity Identity = new("aa11", "cpu");
    private static readonly string[] Letters = [" A", " B", " C", " D"];
    private readonly CacheTestFolder folder = new();
    private readonly List<string> warnings = [];

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ServesARepeatedRequestFromTheCacheWithIdenticalResults()
    {
        var requests = Requests("q1", "q2", "q3");
        IReadOnlyList<LogLikelihoodResult> first;
        using (var model = Open(out var inner))
        {
            first = model.Score(requests, TestContext.Current.CancellationToken);
            model.Cache.Should().Be(new CacheCounters(0, 3));
            inner.Requests.Should().HaveCount(3);
        }

        using (var model = Open(out var inner))
        {
            var second = model.Score(requests, TestContext.Current.CancellationToken);
            model.Cache.Should().Be(new CacheCounters(3, 0));
            inner.ScoreCalls.Should().Be(0);
            second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
            second.SelectMany(r => r.Continuations).Select(c => c.LogProb)
                .Should().Equal(first.SelectMany(r => r.Continuations).Select(c => c.LogProb));
        }
    }

    [Fact]
    public void SendsOnlyTheMissesToTheInnerModelInOneCallAndInTheirOrder()
    {
        using var model = Open(out var inner);
        model.Score(Requests("q2", "q4"), TestContext.Current.CancellationToken);
        inner.Requests.Clear();

        var results = model.Score(Requests("q1", "q2", "q3", "q4", "q5"), TestContext.Current.CancellationToken);

        inner.ScoreCalls.Should().Be(2);
        inner.Requests.Select(r => r.Context).Should().Equal("q1", "q3", "q5");
        model.Cache.Should().Be(new CacheCounters(2, 5));
        results.Should().BeEquivalentTo(FakeLanguageModel.Hashing(Identity).Score(Requests("q1", "q2", "q3", "q4", "q5"), TestContext.Current.CancellationToken), o => o.WithStrictOrdering());
    }

    [Fact]
    public void CachesGenerationPerPromptAndSettings()
    {
        using var model = Open(out var inner);
        var text = model.Generate("prompt", new GenerationSettings(Seed: 1), TestContext.Current.CancellationToken);
        model.Generate("prompt", new GenerationSettings(Seed: 1), TestContext.Current.CancellationToken).Should().Be(text);
        model.Generate("prompt", new GenerationSettings(Seed: 2), TestContext.Current.CancellationToken);
        inner.Generated.Should().HaveCount(2);
        model.Cache.Should().Be(new CacheCounters(1, 2));
    }

    [Fact]
    public void MissesWhenTheModelIdentityChanges()
    {
        using (var model = Open(out _))
        {
            model.Score(Requests("q1"), TestContext.Current.CancellationToken);
        }

        using var other = new CachingLanguageModel(FakeLanguageModel.Hashing(Identity with { ModelHash = "bb22" }), RequestCache.Open(folder.CacheFile, warnings.Add));
        other.Score(Requests("q1"), TestContext.Current.CancellationToken);
        other.Cache.Should().Be(new CacheCounters(0, 1));
    }

    [Fact]
    public void HashesEveryFileOfTheModelFolderWhenNoIdentityIsGiven()
    {
        var modelFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "model")).FullName;
        File.WriteAllText(Path.Combine(modelFolder, "genai_config.json"), "{}");
        var before = ModelFolderIdentity.Of(modelFolder, "cpu");
        File.WriteAllText(Path.Combine(modelFolder, "tokenizer.json"), "{}");
        ModelFolderIdentity.Of(modelFolder, "cpu").ModelHash.Should().NotBe(before.ModelHash);
        ModelFolderIdentity.Of(modelFolder, "cpu").Should().Be(ModelFolderIdentity.Of(modelFolder, "cpu"));
    }

    private CachingLanguageModel Open(out FakeLanguageModel inner)
    {
        inner = FakeLanguageModel.Hashing(Identity);
        return new CachingLanguageModel(inner, RequestCache.Open(folder.CacheFile, warnings.Add));
    }

    private static LogLikelihoodRequest[] Requests(params string[] contexts) =>
        contexts.Select(c => new LogLikelihoodRequest(c, Letters)).ToArray();
}
