using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Qwen3EvalTests.Caching;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Tests.Served;

namespace Qwen3EvalTests.Inference.Tests.Served;

public sealed class ServedLanguageModelTests
{
    private const string Context = "Question: 2 + 2 = ?\nAnswer:";
    private static readonly string[] Letters = [" A", " B", " C", " D"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServedEngineOptions Fast(FakeCompletionServer server, int concurrency = 2, int attempts = 4, string? apiKeyVariable = null) =>
        new(server.Endpoint, Concurrency: concurrency, ApiKeyEnvironmentVariable: apiKeyVariable, RequestTimeout: TimeSpan.FromSeconds(20), MaxAttempts: attempts,
            FirstBackoff: TimeSpan.FromMilliseconds(20), MaxBackoff: TimeSpan.FromSeconds(1));

    private static double Expected(string context, string continuation, bool nextTokenOnly = false)
    {
        var cont = FakeLanguage.Encode(continuation);
        return FakeLanguage.LogLikelihood(FakeLanguage.Encode(context), nextTokenOnly ? [cont[^1]] : cont);
    }

    [Fact]
    public void ScoresContinuationsFromTheEchoedPromptLogprobsOfAVllmServer()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);

        var result = model.Score([new LogLikelihoodRequest(Context, [" 4", " five", "!"], IncludeContextLogProb: true)], Ct).Single();

        model.Dialect.Should().Be(ServedDialect.OpenAiCompletions);
        result.Continuations.Select(c => c.LogProb).Should().Equal(
            [Expected(Context, " 4"), Expected(Context, " five"), Expected(Context, "!")],
            (a, b) => Math.Abs(a - b) < 1e-9);
        result.Continuations.Select(c => c.TokenCount).Should().Equal(2, 5, 1);
        result.Continuations.Select(c => c.IsGreedy).Should().Equal(
            new[] { " 4", " five", "!" }.Select(c => FakeLanguage.IsGreedy(FakeLanguage.Encode(Context), FakeLanguage.Encode(c))));
        var context = FakeLanguage.Encode(Context);
        var contextLogProb = Enumerable.Range(1, context.Length - 1).Sum(i => FakeLanguage.NextLogProbs(context[..i])[context[i]]);
        result.ContextLogProb.Should().BeApproximately(contextLogProb, 1e-9);
        result.ContextTokenCount.Should().Be(context.Length);

        var body = server.ScoringRequests.Single().Body!;
        body["echo"]!.GetValue<bool>().Should().BeTrue();
        body["logprobs"]!.GetValue<int>().Should().Be(1);
        body["max_tokens"]!.GetValue<int>().Should().Be(1);
        body["temperature"]!.GetValue<double>().Should().Be(0);
        body["model"]!.GetValue<string>().Should().Be(server.ServedModel);
        body["prompt"]!.AsArray().Select(p => p!.AsArray().Count).Should().Equal(context.Length + 2, context.Length + 5, context.Length + 1);
    }

    [Fact]
    public void FollowsTheRequestsTokenizationThroughTheSharedStep()
    {
        // lm-eval _encode_pair: the context's trailing "\n" is scored as part of each continuation ("\nA"); ids given by the
        // caller (the scorer) are sent as they are.
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        var pair = new LogLikelihoodRequest("Q: 1?\n", ["A", "B"], Tokenization: ContinuationTokenization.LmEvalEncodePair);
        var given = new LogLikelihoodRequest("ignored", ["x"]) { Tokenized = new TokenizedRequest([81, 58], [[32, 65]]) };

        var results = model.Score([pair, given], Ct);

        results[0].ContextTokenCount.Should().Be("Q: 1?".Length);
        results[0].Continuations.Select(c => c.TokenCount).Should().Equal(2, 2);
        results[0].Continuations[0].LogProb.Should().BeApproximately(FakeLanguage.LogLikelihood(FakeLanguage.Encode("Q: 1?"), FakeLanguage.Encode("\nA")), 1e-9);
        var prompts = server.ScoringRequests.Select(r => r.Body!["prompt"]!.AsArray().Select(p => p!.AsArray().Select(t => t!.GetValue<int>()).ToArray()).ToArray()).ToArray();
        prompts.Should().ContainSingle(p => p[0].SequenceEqual(FakeLanguage.Encode("Q: 1?\nA")) && p[1].SequenceEqual(FakeLanguage.Encode("Q: 1?\nB")));
        prompts.Should().ContainSingle(p => p.Length == 1 && p[0].SequenceEqual(new[] { 81, 58, 32, 65 }));
    }

    [Fact]
    public void ReadsTheNextTokenChoiceFromOneLlamaCppCompletionPerQuestion()
    {
        using var server = new FakeCompletionServer(FakeFlavour.LlamaCpp);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);

        var results = model.Score([new LogLikelihoodRequest(Context, Letters, NextTokenOnly: true), new LogLikelihoodRequest("Q: 1?\nA:", Letters, NextTokenOnly: true)], Ct);

        model.Dialect.Should().Be(ServedDialect.LlamaCpp);
        model.EngineDescription.Should().Contain("llama.cpp server b1-fake");
        results[0].Continuations.Select(c => c.LogProb).Should().Equal(Letters.Select(l => Expected(Context, l, nextTokenOnly: true)), (a, b) => Math.Abs(a - b) < 1e-9);
        results[1].Continuations.Select(c => c.LogProb).Should().Equal(Letters.Select(l => Expected("Q: 1?\nA:", l, nextTokenOnly: true)), (a, b) => Math.Abs(a - b) < 1e-9);
        results.SelectMany(r => r.Continuations).Should().OnlyContain(c => c.TokenCount == 1);
        var scoring = server.ScoringRequests;
        scoring.Should().HaveCount(2, "one /completion per question");
        scoring.Should().OnlyContain(r => r.Body!["n_probs"]!.GetValue<int>() == FakeLanguage.VocabSize && r.Body["n_predict"]!.GetValue<int>() == 1);

        // The generated token is forced to "A" (a whole character) in the sampler: llama-server sends no probabilities for a lone UTF-8 byte.
        var bias = scoring[0].Body!["logit_bias"]!.AsArray().Single()!.AsArray();
        (bias[0]!.GetValue<double>(), bias[1]!.GetValue<double>()).Should().Be((FakeLanguage.Encode("A").Single(), 1000));
    }

    [Fact]
    public void ScoresMultiTokenContinuationsOnLlamaCppOnePositionAtATime()
    {
        using var server = new FakeCompletionServer(FakeFlavour.LlamaCpp);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);

        var result = model.Score([new LogLikelihoodRequest(Context, [" 4", " 5"])], Ct).Single();

        result.Continuations.Select(c => c.LogProb).Should().Equal([Expected(Context, " 4"), Expected(Context, " 5")], (a, b) => Math.Abs(a - b) < 1e-9);
        // " 4" and " 5" are [' ', '4'] and [' ', '5']: both are read at the position after the context and after ' ', so 2 requests, not 4.
        server.ScoringRequests.Should().HaveCount(2);
    }

    [Fact]
    public void RefusesAServerThatIgnoresEchoInsteadOfScoringIt()
    {
        using var server = new FakeCompletionServer(FakeFlavour.IgnoresEcho);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);

        var score = () => model.Score([new LogLikelihoodRequest(Context, Letters)], Ct);

        var fault = score.Should().Throw<EngineFaultException>().Which;
        fault.Message.Should().Contain("ignored echo").And.Contain(server.Endpoint.ToString().TrimEnd('/')).And.Contain("vLLM and SGLang").And.Contain("/completion");
        fault.RequestTokens.Should().Be(FakeLanguage.Encode(Context).Length + 2);
    }

    [Fact]
    public void RetriesTwoServerErrorsThenScores()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        server.Fail("/v1/completions", 500);
        server.Fail("/v1/completions", 500);

        var result = model.Score([new LogLikelihoodRequest(Context, [" 4"])], Ct).Single();

        result.Continuations[0].LogProb.Should().BeApproximately(Expected(Context, " 4"), 1e-9);
        server.ScoringRequests.Should().HaveCount(3);
        model.Retries.Should().Be(2);
    }

    [Fact]
    public void BacksOffBeforeRetryingA429()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        var options = Fast(server) with { FirstBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromSeconds(2) };
        using var model = ServedLanguageModel.Connect(options, cancellationToken: Ct);
        server.Fail("/v1/completions", 429, retryAfter: "1");

        model.Score([new LogLikelihoodRequest(Context, [" 4"])], Ct);

        var tries = server.ScoringRequests;
        tries.Should().HaveCount(2);
        (tries[1].At - tries[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "Retry-After: 1 is honoured (above the 50 ms first backoff)");
    }

    [Fact]
    public void FailsWithTheEndpointTokensAndServerMessageAfterBoundedTries()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server, attempts: 3), cancellationToken: Ct);
        for (var i = 0; i < 5; i++)
        {
            server.Fail("/v1/completions", 503);
        }

        var score = () => model.Score([new LogLikelihoodRequest(Context, [" 4"])], Ct);

        var fault = score.Should().Throw<EngineFaultException>().Which;
        fault.Message.Should().Contain($"{server.Endpoint.ToString().TrimEnd('/')}/v1/completions").And.Contain("fake failure 503").And.Contain("after 3 tries");
        fault.RequestTokens.Should().Be(FakeLanguage.Encode(Context).Length + 2);
        server.ScoringRequests.Should().HaveCount(3);
    }

    [Fact]
    public void ResumesFromTheCacheWhenTheServerComesBack()
    {
        var cacheFile = Path.Combine(Path.GetTempPath(), $"served-cache-{Guid.NewGuid():N}.sqlite");
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        var first = new[] { new LogLikelihoodRequest("Q: 1?\nA:", Letters), new LogLikelihoodRequest("Q: 2?\nA:", Letters) };
        var second = new[] { new LogLikelihoodRequest("Q: 3?\nA:", Letters) };
        try
        {
            using (var served = ServedLanguageModel.Connect(Fast(server, attempts: 2), cancellationToken: Ct))
            using (var cached = new CachingLanguageModel(served, RequestCache.Open(cacheFile, _ => { })))
            {
                cached.Score(first, Ct);
                server.Stop();
                var lost = () => cached.Score(second, Ct);
                lost.Should().Throw<EngineFaultException>().Which.Message.Should().Contain("connection failed");
            }

            server.Start();
            var before = server.ScoringRequests.Count;
            using var resumedServed = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
            using var resumed = new CachingLanguageModel(resumedServed, RequestCache.Open(cacheFile, _ => { }));

            var results = resumed.Score([.. first, .. second], Ct);

            resumed.Cache.Hits.Should().Be(2, "the questions answered before the server was lost come from the cache");
            (server.ScoringRequests.Count - before).Should().Be(1, "only the unanswered question reaches the server");
            results.Select(r => r.Continuations[2].LogProb).Should().Equal(
                new[] { "Q: 1?\nA:", "Q: 2?\nA:", "Q: 3?\nA:" }.Select(c => Expected(c, " C")), (a, b) => Math.Abs(a - b) < 1e-9);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(cacheFile);
        }
    }

    [Fact]
    public void SendsTheApiKeyAsABearerTokenAndWritesItNowhere()
    {
        var variable = $"QWEN3EVAL_TEST_KEY_{Guid.NewGuid():N}";
        var secret = $"sk-{Guid.NewGuid():N}";
        var cacheFile = Path.Combine(Path.GetTempPath(), $"served-key-{Guid.NewGuid():N}.sqlite");
        var log = new StringBuilder();
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            using var server = new FakeCompletionServer(FakeFlavour.Vllm);
            string recorded;
            using (var served = ServedLanguageModel.Connect(Fast(server, attempts: 1, apiKeyVariable: variable), cancellationToken: Ct))
            using (var cached = new CachingLanguageModel(served, RequestCache.Open(cacheFile, line => log.AppendLine(line))))
            {
                var results = cached.Score([new LogLikelihoodRequest(Context, Letters)], Ct);
                cached.Generate("Say hi", new GenerationSettings(MaxNewTokens: 4), Ct);
                server.Fail("/v1/completions", 401);
                var rejected = () => cached.Score([new LogLikelihoodRequest("Q: other?", Letters)], Ct);
                var fault = rejected.Should().Throw<EngineFaultException>().Which;
                recorded = string.Join('\n', JsonSerializer.Serialize(results), served.EngineDescription, served.Identity, served.Info, served.Options, fault.Message, log);
                fault.Check.Should().Contain("--api-key-env");
            }

            server.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Authorization == "Bearer " + secret);
            recorded.Should().NotContain(secret);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Encoding.UTF8.GetString(File.ReadAllBytes(cacheFile)).Should().NotContain(secret);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(cacheFile);
        }
    }

    [Fact]
    public void KeepsTheConfiguredNumberOfRequestsInFlight()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm) { ScoringDelay = TimeSpan.FromMilliseconds(150) };
        using var model = ServedLanguageModel.Connect(Fast(server, concurrency: 3), cancellationToken: Ct);
        var requests = Enumerable.Range(0, 9).Select(i => new LogLikelihoodRequest($"Q: {i}?\nA:", Letters)).ToArray();
        var stopwatch = Stopwatch.StartNew();

        var results = model.Score(requests, Ct);

        server.MaxInFlight.Should().Be(3);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(9 * 150), "three at a time is faster than one by one");
        results.Select(r => r.Continuations[0].LogProb).Should().Equal(Enumerable.Range(0, 9).Select(i => Expected($"Q: {i}?\nA:", " A")), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void LeftTruncatesTheContextToMaxContextTokensAndReportsIt()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        var context = FakeLanguage.Encode(Context);

        var result = model.Score([new LogLikelihoodRequest(Context, [" 4"], MaxContextTokens: 6)], Ct).Single();

        result.TruncatedTokenCount.Should().Be(context.Length - 6);
        result.ContextTokenCount.Should().Be(6);
        result.Continuations[0].LogProb.Should().BeApproximately(FakeLanguage.LogLikelihood(context[^6..], FakeLanguage.Encode(" 4")), 1e-9);
        server.ScoringRequests.Single().Body!["prompt"]![0]!.AsArray().Select(t => t!.GetValue<int>()).Should().Equal([.. context[^6..], .. FakeLanguage.Encode(" 4")]);
    }

    [Fact]
    public void PassesEveryGenerationSettingAndCutsAtTheStopString()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);

        var text = model.Generate("Say hi", new GenerationSettings(MaxNewTokens: 7, StopStrings: [" hi"], Temperature: 0.7, Seed: 42), Ct);

        text.Should().Be("answer to Say", "the fake answers 'answer to Say hi' and ' hi' is a stop string");
        var body = server.Requests.Single(r => r.Path == "/v1/completions").Body!;
        body["prompt"]!.GetValue<string>().Should().Be("Say hi");
        body["max_tokens"]!.GetValue<int>().Should().Be(7);
        body["temperature"]!.GetValue<double>().Should().Be(0.7);
        body["seed"]!.GetValue<int>().Should().Be(42);
        body["stop"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(" hi");
        body["top_p"]!.GetValue<double>().Should().Be(1);
        body["top_k"]!.GetValue<int>().Should().Be(-1, "vLLM's 'off' is -1");
        body["min_p"]!.GetValue<double>().Should().Be(0);
        body["repetition_penalty"]!.GetValue<double>().Should().Be(1);
        body["presence_penalty"]!.GetValue<double>().Should().Be(0);
    }

    [Theory]
    [InlineData(false, "/v1/completions", "repetition_penalty")]
    [InlineData(true, "/completion", "repeat_penalty")]
    public void SendsTheQwen3NonThinkingSettingsUnderEachDialectsNames(bool llamaCpp, string path, string repetitionField)
    {
        using var server = new FakeCompletionServer(llamaCpp ? FakeFlavour.LlamaCpp : FakeFlavour.Vllm);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        var settings = GenerationSettings.Qwen3NonThinking with { MaxNewTokens = 5, RepetitionPenalty = 1.05, MinP = 0.01, Seed = 3 };

        model.Generate("Say hi", settings, Ct);

        var body = server.Requests.Single(r => r.Path == path).Body!;
        body["temperature"]!.GetValue<double>().Should().Be(0.7);
        body["top_p"]!.GetValue<double>().Should().Be(0.8);
        body["top_k"]!.GetValue<int>().Should().Be(20);
        body["min_p"]!.GetValue<double>().Should().Be(0.01);
        body[repetitionField]!.GetValue<double>().Should().Be(1.05);
        body["presence_penalty"]!.GetValue<double>().Should().Be(1.5);
        body["seed"]!.GetValue<int>().Should().Be(3);
        model.Generation.Should().Be(GenerationSupport.Served);
        if (llamaCpp)
        {
            body["repeat_last_n"]!.GetValue<int>().Should().Be(-1, "Hugging Face penalises every earlier token, llama.cpp only the last 64 unless told");
        }
    }

    [Fact]
    public void KeysTheCacheOnTheServedModelStablyAcrossRestartsAndApartFromOtherModels()
    {
        using var vllm = new FakeCompletionServer(FakeFlavour.Vllm);
        using var llama = new FakeCompletionServer(FakeFlavour.LlamaCpp);
        ModelIdentity first, again, other;
        using (var model = ServedLanguageModel.Connect(Fast(vllm), cancellationToken: Ct))
        {
            first = model.Identity;
        }

        vllm.Stop();
        vllm.Start();
        using (var model = ServedLanguageModel.Connect(Fast(vllm), cancellationToken: Ct))
        {
            again = model.Identity;
            model.Info.Folder.Should().BeNull();
            model.Info.Name.Should().Be("Qwen2-72B-Instruct");
            model.Info.ContextLength.Should().Be(4096);
        }

        using (var model = ServedLanguageModel.Connect(Fast(llama), cancellationToken: Ct))
        {
            other = model.Identity;
        }

        again.Should().Be(first, "/v1/models' created timestamp changes on every call and is not part of the identity");
        other.ModelHash.Should().NotBe(first.ModelHash);
    }

    [Theory]
    [InlineData("vllm")]
    [InlineData("llama.cpp")]
    public void RendersChatPromptsWithTheServedModelsOwnTemplate(string flavour)
    {
        using var server = new FakeCompletionServer(flavour == "vllm" ? FakeFlavour.Vllm : FakeFlavour.LlamaCpp);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        ChatTurn[] turns = [new("system", "Be brief."), new("user", "2 + 2 = ?")];

        var prompt = model.ApplyChatTemplate(turns, addGenerationPrompt: true);
        var history = model.ApplyChatTemplate(turns, addGenerationPrompt: false);

        prompt.Should().Be("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2 + 2 = ?<|im_end|>\n<|im_start|>assistant\n");
        history.Should().Be("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2 + 2 = ?<|im_end|>\n");
    }

    [Theory]
    [InlineData("vllm", "/tokenize")]
    [InlineData("llama.cpp", "/apply-template")]
    public void SendsTemplateArgumentsAsChatTemplateKwargsInTheRequestBody(string flavour, string path)
    {
        using var server = new FakeCompletionServer(flavour == "vllm" ? FakeFlavour.Vllm : FakeFlavour.LlamaCpp);
        using var model = ServedLanguageModel.Connect(Fast(server), cancellationToken: Ct);
        ChatTurn[] turns = [new("user", "2 + 2 = ?")];

        var nonThinking = model.ApplyChatTemplate(turns, addGenerationPrompt: true, new ChatTemplateArguments(EnableThinking: false));
        var plain = model.ApplyChatTemplate(turns, addGenerationPrompt: true);

        nonThinking.Should().Be("<|im_start|>user\n2 + 2 = ?<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
        plain.Should().Be("<|im_start|>user\n2 + 2 = ?<|im_end|>\n<|im_start|>assistant\n");
        var bodies = server.Requests.Where(r => r.Path == path && r.Body?["messages"] is not null).Select(r => r.Body!).ToArray();
        bodies.Should().HaveCount(2);
        bodies[0]["chat_template_kwargs"]!.ToJsonString().Should().Be("""{"enable_thinking":false}""");
        bodies[1].AsObject().ContainsKey("chat_template_kwargs").Should().BeFalse("no template argument is sent when there is none");
    }

    [Fact]
    public void RefusesAnApiKeyVariableThatIsNotSet()
    {
        using var server = new FakeCompletionServer(FakeFlavour.Vllm);
        var variable = $"QWEN3EVAL_TEST_UNSET_{Guid.NewGuid():N}";

        var connect = () => ServedLanguageModel.Connect(Fast(server, apiKeyVariable: variable), cancellationToken: Ct);

        connect.Should().Throw<EvalInputException>().Which.Message.Should().Contain(variable);
        server.Requests.Should().BeEmpty();
    }
}
