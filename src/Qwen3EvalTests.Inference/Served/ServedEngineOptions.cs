namespace Qwen3EvalTests.Inference.Served;

/// <summary>How a served (OpenAI-compatible) engine is reached. The API key itself is never part of the options:
/// only the name of the environment variable that holds it, so the options can be logged and recorded.</summary>
/// <param name="Endpoint">The server's base address, e.g. http://127.0.0.1:8000 (a trailing /v1 is accepted and dropped).</param>
/// <param name="ServedModel">The model name the server serves (the <c>model</c> field); null: the server's first model in /v1/models.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
/// <param name="ApiKeyEnvironmentVariable">The environment variable holding the API key, sent as <c>Authorization: Bearer</c>; null: none sent.</param>
/// <param name="RequestTimeout">One HTTP request's limit; a timed-out request is retried.</param>
/// <param name="MaxAttempts">Tries of one request on 429, 5xx, timeouts and lost connections before it fails.</param>
/// <param name="FirstBackoff">The wait after the first failed try; doubled after each, up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">The longest wait between tries (a 429's Retry-After is honoured up to it).</param>
/// <param name="TopLogProbs">llama.cpp's <c>n_probs</c> when scoring through /completion: a continuation token must be among them. Null: the whole vocabulary up to 1,000.</param>
public sealed record ServedEngineOptions(
    Uri Endpoint,
    string? ServedModel = null,
    int Concurrency = 4,
    string? ApiKeyEnvironmentVariable = null,
    TimeSpan? RequestTimeout = null,
    int MaxAttempts = ServedEngineOptions.DefaultRetries + 1,
    TimeSpan? FirstBackoff = null,
    TimeSpan? MaxBackoff = null,
    int? TopLogProbs = null)
{
    /// <summary>One request's limit unless asked otherwise (<c>--request-timeout</c>): a dead server fails a request within it.</summary>
    public const double DefaultRequestTimeoutSeconds = 30;

    /// <summary>Tries after the first unless asked otherwise (<c>--retries</c>): with the defaults a dead server fails a request in about 1.5 minutes.</summary>
    public const int DefaultRetries = 2;

    public TimeSpan EffectiveRequestTimeout => RequestTimeout ?? TimeSpan.FromSeconds(DefaultRequestTimeoutSeconds);

    public TimeSpan EffectiveFirstBackoff => FirstBackoff ?? TimeSpan.FromMilliseconds(500);

    public TimeSpan EffectiveMaxBackoff => MaxBackoff ?? TimeSpan.FromSeconds(30);

    /// <summary>The base address without a trailing slash or /v1: paths such as /v1/completions and /completion are appended to it.</summary>
    public Uri BaseAddress
    {
        get
        {
            var text = Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/v1", StringComparison.Ordinal))
            {
                text = text[..^3];
            }

            return new Uri(text + "/");
        }
    }
}
