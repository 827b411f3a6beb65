using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>
/// The HTTP side of a served engine: at most <see cref="ServedEngineOptions.Concurrency"/> requests in flight, a timeout per
/// request, bounded retries with exponential backoff on 429, 5xx, timeouts and lost connections, and the API key as a bearer
/// header. Every failure that is left becomes an <see cref="EngineFaultException"/> naming the endpoint, the request's token
/// count and the server's own message. The key is held here only and never appears in a message.
/// </summary>
internal sealed class ServedHttpClient : IDisposable
{
    private readonly HttpClient http;
    private readonly SemaphoreSlim slots;
    private readonly ServedEngineOptions options;
    private readonly string? apiKey;
    private long requests;
    private long retries;
    private long elapsedTicks;

    public ServedHttpClient(ServedEngineOptions options, HttpMessageHandler? handler = null)
    {
        this.options = options;
        apiKey = options.ApiKeyEnvironmentVariable is { } variable ? Environment.GetEnvironmentVariable(variable) : null;
        if (options.ApiKeyEnvironmentVariable is { } name && string.IsNullOrEmpty(apiKey))
        {
            throw new EvalInputException($"the environment variable {name} that should hold the server's API key is not set or empty; export it, or leave --api-key-env out for a server without a key.", field: "--api-key-env");
        }

        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, disposeHandler: true)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        slots = new SemaphoreSlim(Math.Max(1, options.Concurrency));
    }

    /// <summary>The endpoint as messages name it: never with a key, nor the URL's credentials (<see cref="RedactedEndpoint"/>).</summary>
    public string Endpoint => RedactedEndpoint.Of(options.BaseAddress.ToString().TrimEnd('/'));

    /// <summary>HTTP requests sent (each retry counts), retries, and wall time inside requests.</summary>
    public (long Requests, long Retries, TimeSpan Elapsed) Counters =>
        (Interlocked.Read(ref requests), Interlocked.Read(ref retries), TimeSpan.FromTicks(Interlocked.Read(ref elapsedTicks)));

    public Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, string operation, int? tokens, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, requestType) }, responseType, operation, tokens, optional: false, cancellationToken)!;

    /// <summary>GETs <paramref name="path"/>; null when the server has no such endpoint (404, 405, 501).</summary>
    public Task<TResponse?> GetOptionalAsync<TResponse>(string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), responseType, "connecting", null, optional: true, cancellationToken);

    /// <summary>POSTs to an endpoint the server may not have; null on 404, 405 or 501.</summary>
    public Task<TResponse?> PostOptionalAsync<TRequest, TResponse>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, string operation, CancellationToken cancellationToken)
        where TResponse : class =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, requestType) }, responseType, operation, null, optional: true, cancellationToken);

    private async Task<TResponse?> SendAsync<TResponse>(Func<HttpRequestMessage> request, JsonTypeInfo<TResponse> responseType, string operation, int? tokens, bool optional, CancellationToken cancellationToken)
    {
        var path = "";
        string lastProblem = "no attempt was made";
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var message = request();
                path = message.RequestUri?.ToString() ?? "";
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.EffectiveRequestTimeout);
                Interlocked.Increment(ref requests);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        return await response.Content.ReadFromJsonAsync(responseType, timeout.Token).ConfigureAwait(false)
                            ?? throw new JsonException("the answer is JSON null");
                    }
                    catch (JsonException e)
                    {
                        throw Fault(operation, path, tokens, $"the answer is not the JSON this endpoint documents ({e.Message})", null, e);
                    }
                }

                var status = (int)response.StatusCode;
                if (optional && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
                {
                    return default;
                }

                var serverMessage = await ServerMessageAsync(response, cancellationToken).ConfigureAwait(false);
                lastProblem = $"HTTP {status} {response.ReasonPhrase}: {serverMessage}";
                if (!(status == 429 || status >= 500))
                {
                    throw Fault(operation, path, tokens, lastProblem, status, null);
                }

                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            }
            catch (HttpRequestException e)
            {
                lastProblem = $"the connection failed ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = $"no answer within {options.EffectiveRequestTimeout.TotalSeconds:0.#} s";
            }
            finally
            {
                Interlocked.Add(ref elapsedTicks, stopwatch.Elapsed.Ticks);
                slots.Release();
            }

            if (attempt < attempts)
            {
                Interlocked.Increment(ref retries);
                await Task.Delay(Backoff(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
            }
        }

        throw Fault(operation, path, tokens, $"{lastProblem} (after {attempts} tries)", null, null);
    }

    /// <summary>First backoff × 2^(attempt − 1), at least a 429's Retry-After, at most the maximum backoff.</summary>
    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = options.EffectiveFirstBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var wait = retryAfter is { } after && after > exponential ? after : exponential;
        return wait > options.EffectiveMaxBackoff ? options.EffectiveMaxBackoff : wait;
    }

    private EngineFaultException Fault(string operation, string path, int? tokens, string serverMessage, int? status, Exception? inner)
    {
        var check = status switch
        {
            401 or 403 => "the API key (--api-key-env names the environment variable that holds it)",
            404 => $"that the server at {Endpoint} serves this endpoint and the model name (--served-model)",
            400 or 413 or 422 => "that the request fits the served model (its context length against the request's tokens) and the server's own log",
            _ => $"that the server at {Endpoint} is running and reachable, and its own log",
        };
        return new EngineFaultException($"{Endpoint}/{path.TrimStart('/')}", operation, tokens, serverMessage, check, inner);
    }

    /// <summary>The server's error message: OpenAI's <c>{"error":{"message"}}</c>, vLLM's older <c>{"message"}</c>, or the body's first line.</summary>
    private static async Task<string> ServerMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var json = JsonSerializer.Deserialize(body, ServedJsonContext.Default.JsonElement);
            if (json.ValueKind == JsonValueKind.Object)
            {
                if (json.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
                    {
                        return inner.GetString()!;
                    }

                    if (error.ValueKind == JsonValueKind.String)
                    {
                        return error.GetString()!;
                    }
                }

                if (json.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
        }

        var text = body.Trim();
        return text.Length == 0 ? "(empty body)" : text.Length > 300 ? text[..300] + "…" : text;
    }

    public void Dispose()
    {
        http.Dispose();
        slots.Dispose();
    }
}
