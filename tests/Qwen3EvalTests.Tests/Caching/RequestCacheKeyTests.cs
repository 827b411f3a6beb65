using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Caching;

public sealed class RequestCacheKeyTests
{
    private static readonly ModelIdentity Model = new("aa11", "cpu");
    private static readonly LogLikelihoodRequest Request = new("Question?\nAnswer:", [" A", " B"], 2048, false);

    public static TheoryData<string> ScoreVariations => ["model hash", "execution provider", "context", "continuation", "continuation count", "max context tokens", "context log prob"];

    public static TheoryData<string> GenerateVariations => ["prompt", "max new tokens", "stop strings", "no stop strings", "temperature", "seed"];

    [Theory]
    [MemberData(nameof(ScoreVariations))]
    public void ChangesWhenAnyPartOfAScoreRequestChanges(string part)
    {
        var (model, request) = part switch
        {
            "model hash" => (Model with { ModelHash = "aa12" }, Request),
            "execution provider" => (Model with { ExecutionProvider = "cuda" }, Request),
            "context" => (Model, Request with { Context = "Question? \nAnswer:" }),
            "continuation" => (Model, Request with { Continuations = [" A", "B"] }),
            "continuation count" => (Model, Request with { Continuations = [" A", " B", ""] }),
            "max context tokens" => (Model, Request with { MaxContextTokens = null }),
            "context log prob" => (Model, Request with { IncludeContextLogProb = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

        RequestCacheKey.ForScore(model, request).Hash.Should().NotBe(RequestCacheKey.ForScore(Model, Request).Hash);
    }

    [Theory]
    [MemberData(nameof(GenerateVariations))]
    public void ChangesWhenAnyPartOfAGenerateRequestChanges(string part)
    {
        var settings = new GenerationSettings(32, ["\n"], 0, 0);
        var (prompt, changed) = part switch
        {
            "prompt" => ("other", settings),
            "max new tokens" => ("prompt", settings with { MaxNewTokens = 33 }),
            "stop strings" => ("prompt", settings with { StopStrings = ["\n\n"] }),
            "no stop strings" => ("prompt", settings with { StopStrings = null }),
            "temperature" => ("prompt", settings with { Temperature = 0.7 }),
            "seed" => ("prompt", settings with { Seed = 1 }),
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

        RequestCacheKey.ForGenerate(Model, prompt, changed).Hash.Should().NotBe(RequestCacheKey.ForGenerate(Model, "prompt", settings).Hash);
    }

    [Fact]
    public void IsTheSameForEqualRequestsAndDiffersBetweenKinds()
    {
        RequestCacheKey.ForScore(Model, Request with { Continuations = [" A", " B"] }).Should().Be(RequestCacheKey.ForScore(Model, Request));
        RequestCacheKey.ForGenerate(Model, Request.Context, new GenerationSettings()).Hash.Should().NotBe(RequestCacheKey.ForScore(Model, Request).Hash);
    }

    [Fact]
    public void DoesNotConfuseContinuationBoundaries()
    {
        RequestCacheKey.ForScore(Model, Request with { Continuations = ["ab", "c"] }).Hash
            .Should().NotBe(RequestCacheKey.ForScore(Model, Request with { Continuations = ["a", "bc"] }).Hash);
    }

    [Fact]
    public void ShowsEveryPartInItsText()
    {
        var text = RequestCacheKey.ForScore(Model, Request).Text;
        text.Should().Contain("format=1:2").And.Contain("modelHash=4:aa11").And.Contain("executionProvider=3:cpu").And.Contain("kind=5:score")
            .And.Contain("context=17:Question?\nAnswer:").And.Contain("continuation=2: A").And.Contain("maxContextTokens=4:2048").And.Contain("includeContextLogProb=5:false").And.Contain("nextTokenOnly=5:false").And.Contain("tokenization=8:separate");
    }

    public static TheoryData<string> ScoreRequestFields() => [.. Tests.Results.RecordMutation.Properties<LogLikelihoodRequest>().Select(p => p.Name)];

    public static TheoryData<string> GenerationFields() => [.. Tests.Results.RecordMutation.Properties<GenerationSettings>().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ScoreRequestFields))]
    public void EveryFieldOfAScoreRequestIsInItsKeyOrSaysWhyNot(string field)
    {
        if (RequestCacheKey.NotInScoreKey.TryGetValue(field, out var reason))
        {
            var withIds = Request with { Tokenized = new TokenizedRequest([1, 2], [[3], [4]]) };
            RequestCacheKey.ForScore(Model, withIds).Hash.Should().Be(RequestCacheKey.ForScore(Model, Request).Hash, reason);
            return;
        }

        var changed = Tests.Results.RecordMutation.With(Request, typeof(LogLikelihoodRequest).GetProperty(field)!);

        RequestCacheKey.ForScore(Model, changed).Hash.Should().NotBe(RequestCacheKey.ForScore(Model, Request).Hash, $"{field} can change the answer");
    }

    [Theory]
    [MemberData(nameof(GenerationFields))]
    public void EveryFieldOfTheGenerationSettingsIsInTheKey(string field)
    {
        var settings = new GenerationSettings(32, ["\n"], 0.7, 3);
        var changed = Tests.Results.RecordMutation.With(settings, typeof(GenerationSettings).GetProperty(field)!);

        RequestCacheKey.ForGenerate(Model, "p", changed).Hash.Should().NotBe(RequestCacheKey.ForGenerate(Model, "p", settings).Hash, $"{field} can change the answer");
    }
}
