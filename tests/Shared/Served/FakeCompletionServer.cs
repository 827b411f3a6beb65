using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qwen3EvalTests.Tests.Served;

/// <summary>What the fake server pretends to be.</summary>
internal enum FakeFlavour
{
    /// <summary>vLLM/SGLang: /v1/completions echoes prompt logprobs; /version, /tokenize; no /props.</summary>
    Vllm,

    /// <summary>llama.cpp's llama-server: /props with build_info, /completion with n_probs, /tokenize.</summary>
    LlamaCpp,

    /// <summary>An OpenAI-compatible server whose /v1/completions ignores echo (one logprob, for the generated token).</summary>
    IgnoresEcho,
}

/// <summary>One request the fake saw.</summary>
internal sealed record FakeRequest(string Method, string Path, JsonNode? Body, string? Authorization, TimeSpan At);

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (HttpListener, a free port) that answers from <see cref="FakeLanguage"/>.
/// The response shapes are written from the servers' documented formats:
/// - vLLM/SGLang <c>/v1/completions</c>: the OpenAI legacy Completions <c>logprobs</c> object (vLLM's <c>CompletionLogProbs</c> in
///   vllm/entrypoints/openai/protocol.py: <c>text_offset</c>, <c>token_logprobs</c> with null first, <c>tokens</c>,
///   <c>top_logprobs</c> as token→logprob maps), echoed prompt first, as lm-eval's openai_completions.py parses it;
///   errors as vLLM's <c>ErrorResponse</c> (<c>object: "error", message, type, code</c>).
/// - llama.cpp <c>/completion</c> with <c>n_probs</c>: <c>completion_probabilities[{id, token, bytes, logprob, top_logprobs[{id, token, bytes, logprob}]}]</c>
///   (tools/server/server-task.cpp, release v0.5.0); <c>/props</c> and <c>/v1/models</c> as server-context.cpp builds them.
/// Faults can be queued per path; a handler delay makes concurrency visible.
/// </summary>
internal sealed class FakeCompletionServer : IDisposable
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(string Path, int Status, string? RetryAfter)> faults = new();
    private HttpListener? listener;
    private int inFlight;
    private int poisoned;
    private double poisonedLogProb;
    private int maxInFlight;

    public FakeCompletionServer(FakeFlavour flavour, int? port = null)
    {
        Flavour = flavour;
        Port = port ?? FreePort();
        Start();
    }

    public FakeFlavour Flavour { get; }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public string ServedModel => Flavour == FakeFlavour.LlamaCpp ? "tiny.gguf" : "Qwen/Qwen2-72B-Instruct";

    public TimeSpan ScoringDelay { get; set; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IReadOnlyList<FakeRequest> ScoringRequests => Requests.Where(r => r.Path is "/v1/completions" or "/completion").ToArray();

    /// <summary>
    /// The next scoring answers (of <paramref name="count"/>) carry <paramref name="logProb"/> as every token log-probability: NaN
    /// (written "NaN", as the client's reader accepts), an infinity or a value above 0, as a faulty server answers.
    /// </summary>
    public void PoisonNextScoring(double logProb, int count = 1)
    {
        poisonedLogProb = logProb;
        Volatile.Write(ref poisoned, count);
    }

    /// <summary>The next request to <paramref name="path"/> answers <paramref name="status"/> instead (queued in order).</summary>
    public void Fail(string path, int status, string? retryAfter = null) => faults.Enqueue((path, status, retryAfter));

    public void Start()
    {
        listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        var current = listener;
        _ = Task.Run(async () =>
        {
            while (current.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await current.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        });
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        listener?.Abort();
        listener = null;
    }

    public void Dispose() => Stop();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        JsonNode? body = null;
        if (request.HasEntityBody)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = JsonNode.Parse(await reader.ReadToEndAsync());
        }

        Requests.Enqueue(new FakeRequest(request.HttpMethod, path, body, request.Headers["Authorization"], clock.Elapsed));
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, now);
        try
        {
            if (path is "/v1/completions" or "/completion" && ScoringDelay > TimeSpan.Zero)
            {
                await Task.Delay(ScoringDelay);
            }

            var (status, answer, retryAfter) = Answer(path, body);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            var json = answer.ToJsonString();
            if (status == 200 && path is "/v1/completions" or "/completion" && Interlocked.Decrement(ref poisoned) >= 0)
            {
                json = Poisoned(json);
            }

            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The test stopped the server mid-answer.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private (int Status, JsonNode Answer, string? RetryAfter) Answer(string path, JsonNode? body)
    {
        if (faults.TryPeek(out var fault) && fault.Path == path && faults.TryDequeue(out fault))
        {
            return (fault.Status, new JsonObject { ["object"] = "error", ["message"] = $"fake failure {fault.Status}", ["type"] = "InternalServerError", ["code"] = fault.Status }, fault.RetryAfter);
        }

        var llama = Flavour == FakeFlavour.LlamaCpp;
        return path switch
        {
            "/v1/models" => (200, Models(), null),
            "/props" when llama => (200, new JsonObject
            {
                ["default_generation_settings"] = new JsonObject { ["n_ctx"] = 2048, ["params"] = new JsonObject() },
                ["total_slots"] = 1,
                ["model_alias"] = ServedModel,
                ["model_path"] = "/models/tiny.gguf",
                ["chat_template"] = "{{ messages }}",
                ["build_info"] = "b1-fake",
            }, null),
            "/version" when !llama => (200, new JsonObject { ["version"] = "0.6.3-fake" }, null),
            "/tokenize" when body!["messages"] is JsonArray messages && !llama => (200, new JsonObject { ["tokens"] = Ids(FakeLanguage.ChatMl(Turns(messages), body["add_generation_prompt"]?.GetValue<bool>() ?? true, EnableThinking(body))) }, null),
            "/tokenize" => (200, Tokenize(body!), null),
            "/detokenize" when !llama => (200, new JsonObject { ["prompt"] = Encoding.UTF8.GetString(body!["tokens"]!.AsArray().Select(t => (byte)t!.GetValue<int>()).ToArray()) }, null),
            "/apply-template" when llama => (200, new JsonObject { ["prompt"] = FakeLanguage.ChatMl(Turns(body!["messages"]!.AsArray()), body["add_generation_prompt"]?.GetValue<bool>() ?? true, EnableThinking(body)) }, null),
            "/v1/completions" when body!["echo"]?.GetValue<bool>() == true => (200, Echo(body), null),
            "/v1/completions" => (200, Generated(body), null),
            "/completion" when llama => (200, LlamaCompletion(body!), null),
            _ => (404, new JsonObject { ["error"] = new JsonObject { ["code"] = 404, ["message"] = "File Not Found", ["type"] = "not_found_error" } }, null),
        };
    }

    /// <summary>The template argument vLLM, SGLang and llama-server read from chat_template_kwargs.</summary>
    private static bool? EnableThinking(JsonNode body) => body["chat_template_kwargs"]?["enable_thinking"]?.GetValue<bool>();

    private static IEnumerable<(string Role, string Content)> Turns(JsonArray messages) =>
        messages.Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>()));

    private static JsonArray Ids(string text) => new(FakeLanguage.Encode(text).Select(t => (JsonNode)t).ToArray());

    private JsonObject Models()
    {
        var entry = new JsonObject { ["id"] = ServedModel, ["object"] = "model", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        if (Flavour == FakeFlavour.LlamaCpp)
        {
            entry["owned_by"] = "llamacpp";
            entry["meta"] = new JsonObject { ["vocab_type"] = 2, ["n_vocab"] = FakeLanguage.VocabSize, ["n_ctx"] = 2048, ["n_ctx_train"] = 4096 };
        }
        else
        {
            entry["owned_by"] = "vllm";
            entry["root"] = ServedModel;
            entry["max_model_len"] = 4096;
        }

        return new JsonObject { ["object"] = "list", ["data"] = new JsonArray(entry) };
    }

    private JsonObject Tokenize(JsonNode body)
    {
        var text = (Flavour == FakeFlavour.LlamaCpp ? body["content"] : body["prompt"])!.GetValue<string>();
        var tokens = new JsonArray(FakeLanguage.Encode(text).Select(t => (JsonNode)t).ToArray());
        return Flavour == FakeFlavour.LlamaCpp
            ? new JsonObject { ["tokens"] = tokens }
            : new JsonObject { ["tokens"] = tokens, ["count"] = tokens.Count, ["max_model_len"] = 4096 };
    }

    /// <summary>The legacy completions shape with echo: one logprob per prompt token (null first) plus the generated one.</summary>
    private JsonObject Echo(JsonNode body)
    {
        var prompts = body["prompt"]!.AsArray().Select(p => p!.AsArray().Select(t => t!.GetValue<int>()).ToArray()).ToArray();
        var choices = new JsonArray();
        // Choices come back in reverse: clients must sort by index.
        for (var index = prompts.Length - 1; index >= 0; index--)
        {
            var prompt = prompts[index];
            var row = FakeLanguage.NextLogProbs(prompt);
            var generated = Array.IndexOf(row, row.Max());
            var all = prompt.Append(generated).ToArray();
            var tokens = new JsonArray();
            var tokenLogprobs = new JsonArray();
            var top = new JsonArray();
            var offsets = new JsonArray();
            for (var i = 0; i < all.Length; i++)
            {
                tokens.Add(Piece(all[i]));
                offsets.Add(i);
                if (i == 0)
                {
                    tokenLogprobs.Add(null);
                    top.Add(null);
                    continue;
                }

                var next = FakeLanguage.NextLogProbs(all[..i]);
                var best = Array.IndexOf(next, next.Max());
                tokenLogprobs.Add(next[all[i]]);
                var map = new JsonObject { [Piece(best)] = next[best] };
                map[Piece(all[i])] = next[all[i]];
                top.Add(map);
            }

            if (Flavour == FakeFlavour.IgnoresEcho)
            {
                tokens = new JsonArray(Piece(generated));
                tokenLogprobs = new JsonArray(row[generated]);
                top = new JsonArray(new JsonObject { [Piece(generated)] = row[generated] });
                offsets = new JsonArray(0);
            }

            choices.Add(new JsonObject
            {
                ["index"] = index,
                ["text"] = "(echoed prompt)" + Piece(generated),
                ["logprobs"] = new JsonObject { ["text_offset"] = offsets, ["token_logprobs"] = tokenLogprobs, ["tokens"] = tokens, ["top_logprobs"] = top },
                ["finish_reason"] = "length",
                ["stop_reason"] = null,
            });
        }

        return new JsonObject { ["id"] = "cmpl-fake", ["object"] = "text_completion", ["created"] = 0, ["model"] = ServedModel, ["choices"] = choices };
    }

    private JsonObject Generated(JsonNode? body) => new()
    {
        ["id"] = "cmpl-fake",
        ["object"] = "text_completion",
        ["model"] = ServedModel,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["text"] = $"answer to {body?["prompt"]?.GetValue<string>()}", ["logprobs"] = null, ["finish_reason"] = "length" }),
    };

    /// <summary>llama.cpp's /completion: the generated token with the top n_probs of its position (pre-sampling logprobs), or generated text.</summary>
    private static JsonObject LlamaCompletion(JsonNode body)
    {
        if (body["prompt"] is JsonValue text)
        {
            return new JsonObject { ["content"] = $"answer to {text.GetValue<string>()}", ["stop_type"] = "limit" };
        }

        var prompt = body["prompt"]!.AsArray().Select(t => t!.GetValue<int>()).ToArray();
        var nProbs = body["n_probs"]?.GetValue<int>() ?? 0;
        var row = FakeLanguage.NextLogProbs(prompt);
        var ranked = Enumerable.Range(0, row.Length).OrderByDescending(v => row[v]).Take(nProbs).ToArray();
        var top = new JsonArray(ranked.Select(v => (JsonNode)new JsonObject { ["id"] = v, ["token"] = Piece(v), ["bytes"] = new JsonArray(v % 256), ["logprob"] = row[v] }).ToArray());
        var best = ranked.Length > 0 ? ranked[0] : 0;
        return new JsonObject
        {
            ["content"] = Piece(best),
            ["tokens_evaluated"] = prompt.Length,
            ["completion_probabilities"] = new JsonArray(new JsonObject { ["id"] = best, ["token"] = Piece(best), ["bytes"] = new JsonArray(best % 256), ["logprob"] = row[best], ["top_logprobs"] = top }),
        };
    }

    /// <summary>Every "logprob" and "token_logprobs" number of <paramref name="json"/> replaced by the poisoned value.</summary>
    private string Poisoned(string json)
    {
        var value = double.IsFinite(poisonedLogProb) ? poisonedLogProb.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : $"\"{(double.IsNaN(poisonedLogProb) ? "NaN" : poisonedLogProb > 0 ? "Infinity" : "-Infinity")}\"";
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"logprob\":-?[0-9.eE+-]+", $"\"logprob\":{value}");
        return System.Text.RegularExpressions.Regex.Replace(
            json,
            "\"token_logprobs\":\\[[^\\]]*\\]",
            m => System.Text.RegularExpressions.Regex.Replace(m.Value, "(?<=[,\\[])-?[0-9][0-9.eE+-]*", value));
    }

    private static string Piece(int token) => token < 128 && token >= 32 ? ((char)token).ToString() : $"<{token}>";

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
