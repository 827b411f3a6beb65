namespace Qwen3EvalTests.Application;

/// <summary>
/// The --endpoint option of the commands that run several engines (<c>engines compare</c>, <c>bench</c>): an absolute http(s)
/// URL, required with the openai engine and refused without it (llama-server is started on a free port by the harness).
/// </summary>
public static class EndpointOption
{
    /// <summary>The URL --endpoint gives when <paramref name="wanted"/> (openai is among the engines), else null; every problem is added to <paramref name="problems"/>.</summary>
    public static Uri? Check(string? endpoint, bool wanted, InputProblemList problems)
    {
        if (!wanted)
        {
            if (endpoint is not null)
            {
                problems.Add("--endpoint", "applies to the openai engine only; add openai to --engines, or leave --endpoint out (llama-server is started on a free port by itself).");
            }

            return null;
        }

        if (endpoint is null)
        {
            problems.Add("--endpoint", "is required with openai in --engines: the server's URL, e.g. http://127.0.0.1:8000.");
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            problems.Add("--endpoint", $"'{Models.RedactedEndpoint.Of(endpoint)}' is not a well-formed http or https URL; pass the server's base address, e.g. http://127.0.0.1:8000.");
            return null;
        }

        return uri;
    }
}
