using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Inference.GenAI;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Inference.Tests.Served;

/// <summary>
/// The served backend against a real llama.cpp llama-server (eng/llama-server.sh) on the generated model's model.gguf, started
/// with flash attention off and an F32 KV cache: log-likelihoods equal GenAI's on the fp32 graph within 1e-3, and a run that
/// loses the server resumes from the request cache and ends with the same scores. Skips naming the script when the binary is absent.
/// </summary>
public sealed class LlamaServerTests
{
    private const double Tolerance = 1e-3;
    private static readonly string[] Letters = [" A", " B", " C", " D"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ModelFolder => TinyModelFixture.Folder(TinyModelFixture.BytesSpecIn("legacy"));

    private static ServedEngineOptions Options(Uri endpoint, int attempts = 4) =>
        new(endpoint, Concurrency: 2, RequestTimeout: TimeSpan.FromSeconds(30), MaxAttempts: attempts, FirstBackoff: TimeSpan.FromMilliseconds(20), MaxBackoff: TimeSpan.FromMilliseconds(200));

    private static List<LogLikelihoodRequest> Questions(int from, int count) =>
        Enumerable.Range(from, count)
            .Select(i => new LogLikelihoodRequest($"The following are multiple choice questions.\n\nQuestion: what is {i} plus {i + 1}?\nA. {i}\nB. {(2 * i) + 1}\nC. {i + 7}\nD. 1\nAnswer:", Letters))
            .ToList();

    private static LlamaServerProcess StartServer()
    {
        var binary = LlamaServerProcess.BinaryPath;
        if (SkipRequirements.LlamaServer(binary) is { } reason)
        {
            Assert.Skip(reason);
        }

        return LlamaServerProcess.Start(binary, Path.Combine(ModelFolder, "model.gguf"));
    }

    [Fact]
    public void LogLikelihoodsEqualGenAisOnTheSameWeights()
    {
        using var server = StartServer();
        var questions = Questions(1, 8);
        questions.Add(new LogLikelihoodRequest("Answer:", [" yes", " no"], NextTokenOnly: true));
        using var genai = GenAiLanguageModel.Load(ModelFolder);
        using var served = ServedLanguageModel.Connect(Options(server.Endpoint), GenAiLanguageModel.Load(ModelFolder), ownsLocalTokenizer: true, cancellationToken: Ct);

        var expected = genai.Score(questions, Ct);
        var actual = served.Score(questions, Ct);

        served.Dialect.Should().Be(ServedDialect.LlamaCpp);
        served.Info.ContextLength.Should().Be(4096, "-c 0 takes the GGUF's context_length, as genai_config.json's");
        for (var q = 0; q < questions.Count; q++)
        {
            actual[q].ContextTokenCount.Should().Be(expected[q].ContextTokenCount);
            for (var c = 0; c < expected[q].Continuations.Count; c++)
            {
                actual[q].Continuations[c].LogProb.Should().BeApproximately(expected[q].Continuations[c].LogProb, Tolerance, $"question {q}, continuation {c}");
                actual[q].Continuations[c].IsGreedy.Should().Be(expected[q].Continuations[c].IsGreedy, $"question {q}, continuation {c}");
            }
        }
    }

    [Fact]
    public void AKilledServerIsResumedFromTheCacheAndTheRunEndsWithTheSameScores()
    {
        var cacheFile = Path.Combine(Path.GetTempPath(), $"llama-server-cache-{Guid.NewGuid():N}.sqlite");
        using var server = StartServer();
        var first = Questions(1, 3);
        var second = Questions(4, 2);
        try
        {
            IReadOnlyList<LogLikelihoodResult> uninterrupted;
            using (var plain = ServedLanguageModel.Connect(Options(server.Endpoint), cancellationToken: Ct))
            {
                uninterrupted = plain.Score([.. first, .. second], Ct);
            }

            using (var served = ServedLanguageModel.Connect(Options(server.Endpoint, attempts: 2), cancellationToken: Ct))
            using (var cached = new CachingLanguageModel(served, RequestCache.Open(cacheFile, _ => { })))
            {
                cached.Score(first, Ct);
                server.Kill();
                var lost = () => cached.Score(second, Ct);
                lost.Should().Throw<EngineFaultException>().Which.Message.Should().Contain(server.Endpoint.ToString().TrimEnd('/'));
            }

            server.Restart();
            using var resumedServed = ServedLanguageModel.Connect(Options(server.Endpoint), cancellationToken: Ct);
            using var resumed = new CachingLanguageModel(resumedServed, RequestCache.Open(cacheFile, _ => { }));

            var results = resumed.Score([.. first, .. second], Ct);

            resumed.Cache.Hits.Should().Be(first.Count, "the questions answered before the server was killed come from the cache");
            resumed.Cache.Misses.Should().Be(second.Count);
            for (var q = 0; q < results.Count; q++)
            {
                results[q].Continuations.Select(c => c.LogProb).Should().Equal(uninterrupted[q].Continuations.Select(c => c.LogProb), (a, b) => Math.Abs(a - b) < 1e-5, $"question {q}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(cacheFile);
        }
    }

    [Fact]
    public void AMissingBinaryOrGgufIsRefusedNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-llama-server-{Guid.NewGuid():N}");

        var noBinary = () => LlamaServerProcess.Start(missing, Path.Combine(ModelFolder, "model.gguf"));
        var noModel = () => LlamaServerProcess.Start(typeof(LlamaServerTests).Assembly.Location, missing + ".gguf");

        noBinary.Should().Throw<EvalInputException>().Where(e => e.Message.Contains(missing) && e.Message.Contains("eng/llama-server.sh") && e.Message.Contains(LlamaServerProcess.BinaryVariable));
        noModel.Should().Throw<EvalInputException>().Where(e => e.Message.Contains(missing + ".gguf"));
    }

    [Fact]
    public void TheBinaryIsFoundThroughTheVariableOrInTheScriptsCache()
    {
        LlamaServerProcess.DefaultBinaryPath.Should().EndWith(Path.Combine("3.22.1", "llama-server"), "eng/llama-server.sh caches by node-llama-cpp version");
        var expected = Environment.GetEnvironmentVariable(LlamaServerProcess.BinaryVariable) is { Length: > 0 } set ? set : LlamaServerProcess.DefaultBinaryPath;
        LlamaServerProcess.BinaryPath.Should().Be(expected);
    }
}
