using Microsoft.Data.Sqlite;
using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Tests.Caching;

public sealed class RequestCacheTests : IDisposable
{
    private static readonly ModelIdentity Identity = new("aa11", "cpu");
    private readonly CacheTestFolder folder = new();
    private readonly List<string> warnings = [];

    public void Dispose() => folder.Dispose();

    [Fact]
    public void RebuildsAFileOfRandomBytesWithAWarningAndKeepsItAside()
    {
        var bytes = new byte[8192];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(folder.CacheFile, bytes);

        using var model = new CachingLanguageModel(FakeLanguageModel.Hashing(Identity), RequestCache.Open(folder.CacheFile, warnings.Add));
        model.Score([new LogLikelihoodRequest("q", [" A"])], TestContext.Current.CancellationToken);

        model.Cache.Should().Be(new CacheCounters(0, 1));
        warnings.Should().ContainSingle().Which.Should().Contain(folder.CacheFile).And.Contain("corrupt").And.Contain(".corrupt-");
        Directory.GetFiles(folder.Path, "cache.sqlite.corrupt-*").Should().ContainSingle();
    }

    [Fact]
    public void RebuildsATruncatedFileAndServesNothingFromIt()
    {
        using (var model = Open(out _))
        {
            model.Score(Enumerable.Range(0, 400).Select(i => new LogLikelihoodRequest($"question {i} {new string('x', 300)}", [" A", " B"])).ToArray(), TestContext.Current.CancellationToken);
        }

        var length = new FileInfo(folder.CacheFile).Length;
        using (var stream = File.OpenWrite(folder.CacheFile))
        {
            stream.SetLength(length / 2);
        }

        using (var model = Open(out var inner))
        {
            model.Score([new LogLikelihoodRequest("question 1 " + new string('x', 300), [" A", " B"])], TestContext.Current.CancellationToken);
            model.Cache.Should().Be(new CacheCounters(0, 1));
            inner.Requests.Should().ContainSingle();
        }

        warnings.Should().ContainSingle().Which.Should().Contain("corrupt");
    }

    [Fact]
    public void IgnoresARowWhoseStoredKeyDoesNotMatchAndRewritesIt()
    {
        LogLikelihoodRequest[] requests = [new("q1", [" A", " B"]), new("q2", [" A", " B"])];
        IReadOnlyList<LogLikelihoodResult> truth;
        using (var model = Open(out _))
        {
            truth = model.Score(requests, TestContext.Current.CancellationToken);
        }

        // Give q1's row the value stored for q2: a well-formed row that answers another key.
        var q1 = RequestCacheKey.ForScore(Identity, requests[0]).Hash;
        var q2 = RequestCacheKey.ForScore(Identity, requests[1]).Hash;
        using (var connection = new SqliteConnection($"Data Source={folder.CacheFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE results SET value = (SELECT value FROM results WHERE key_hash = $q2) WHERE key_hash = $q1";
            command.Parameters.AddWithValue("$q1", q1);
            command.Parameters.AddWithValue("$q2", q2);
            command.ExecuteNonQuery().Should().Be(1);
        }

        using (var model = Open(out var inner))
        {
            model.Score(requests, TestContext.Current.CancellationToken).Should().BeEquivalentTo(truth, o => o.WithStrictOrdering());
            model.Cache.Should().Be(new CacheCounters(1, 1));
            inner.Requests.Select(r => r.Context).Should().Equal("q1");
        }

        warnings.Should().ContainSingle().Which.Should().Contain(q1);
        using (var model = Open(out var inner))
        {
            model.Score(requests, TestContext.Current.CancellationToken);
            model.Cache.Should().Be(new CacheCounters(2, 0));
        }
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("0.5")]
    public void TreatsARowWithAnImpossibleScoreAsAMissWithOneWarning(string logProb)
    {
        LogLikelihoodRequest[] requests = [new("q1", [" A", " B"]), new("q2", [" A", " B"])];
        IReadOnlyList<LogLikelihoodResult> truth;
        using (var model = Open(out _))
        {
            truth = model.Score(requests, TestContext.Current.CancellationToken);
        }

        // Written directly, as an older version stored a faulty engine's answer.
        foreach (var request in requests)
        {
            var hash = RequestCacheKey.ForScore(Identity, request).Hash;
            var json = (string)CacheScalar($"SELECT value FROM results WHERE key_hash = '{hash}'")!;
            var poisoned = System.Text.RegularExpressions.Regex.Replace(json, "\"logProb\":-?[0-9.eE+-]+", $"\"logProb\":{logProb}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            poisoned.Should().NotBe(json);
            CacheScalar($"UPDATE results SET value = '{poisoned.Replace("'", "''")}' WHERE key_hash = '{hash}'");
        }

        using (var model = Open(out var inner))
        {
            model.Score(requests, TestContext.Current.CancellationToken).Should().BeEquivalentTo(truth, o => o.WithStrictOrdering());
            model.Cache.Should().Be(new CacheCounters(0, 2));
            inner.Requests.Should().HaveCount(2);
        }

        warnings.Should().ContainSingle().Which.Should().Contain("impossible score").And.Contain(folder.CacheFile);
        using (var model = Open(out _))
        {
            model.Score(requests, TestContext.Current.CancellationToken);
            model.Cache.Should().Be(new CacheCounters(2, 0), "the recomputed rows replaced the impossible ones");
        }
    }

    private object? CacheScalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={folder.CacheFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void ThrowsAnInputErrorNamingThePathWhenTheFolderCannotBeCreated()
    {
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "");
        var path = Path.Combine(blocker, "cache.sqlite");

        var open = () => RequestCache.Open(path, warnings.Add);

        open.Should().Throw<EvalInputException>().Which.Message.Should().Contain(path).And.Contain("--no-cache");
    }

    [Fact]
    public void KeepsTheFileSoundWhenTwoConnectionsWriteTheSameRequestsAtOnce()
    {
        var requests = Enumerable.Range(0, 200).Select(i => new LogLikelihoodRequest($"q{i}", [" A", " B"])).ToArray();
        var results = new IReadOnlyList<LogLikelihoodResult>[2];
        Parallel.For(0, 2, w =>
        {
            using var model = new CachingLanguageModel(FakeLanguageModel.Hashing(Identity), RequestCache.Open(folder.CacheFile, _ => { }));
            results[w] = requests.Chunk(16).SelectMany(chunk => model.Score(chunk, TestContext.Current.CancellationToken)).ToArray();
        });

        results[1].Should().BeEquivalentTo(results[0], o => o.WithStrictOrdering());
        using var cache = RequestCache.Open(folder.CacheFile, warnings.Add);
        cache.IntegrityCheck().Should().Be("ok");
        cache.Count().Should().Be(200);
        warnings.Should().BeEmpty();
    }

    [Fact]
    public void RoundTripsEveryPossibleLogProbBitForBit()
    {
        var key = RequestCacheKey.ForScore(Identity, new LogLikelihoodRequest("q", [" A", " B", " C"]));
        var result = new LogLikelihoodResult([new(-double.MaxValue, 1, false), new(-0.1 - 0.2, 1, true), new(-1e-300, 2, false)], 7, 1, -123.456789012345678);
        using (var cache = RequestCache.Open(folder.CacheFile, warnings.Add))
        {
            cache.PutMany([(key, new CachedEntry(RequestCacheKey.FormatVersion, key.Hash, result, null))]);
        }

        using var reopened = RequestCache.Open(folder.CacheFile, warnings.Add);
        var stored = reopened.GetMany([key])[0]!.Score!;
        stored.Continuations.Select(c => BitConverter.DoubleToInt64Bits(c.LogProb)).Should().Equal(result.Continuations.Select(c => BitConverter.DoubleToInt64Bits(c.LogProb)));
        stored.Should().BeEquivalentTo(result);
    }

    private CachingLanguageModel Open(out FakeLanguageModel inner)
    {
        inner = FakeLanguageModel.Hashing(Identity);
        return new CachingLanguageModel(inner, RequestCache.Open(folder.CacheFile, warnings.Add));
    }
}
