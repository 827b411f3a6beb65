using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Inference.Served;

namespace Qwen3EvalTests.Application.Bench;

/// <summary>
/// What the bench reads from a server besides its answers: llama.cpp's <c>GET /props</c> (<c>total_slots</c>,
/// <c>default_generation_settings.n_ctx</c>, the context of one slot), <c>GET /metrics</c>
/// (<c>llamacpp:prompt_tokens_total</c>, "Number of prompt tokens processed, excluding cached tokens"; llama-server
/// serves it with <c>--metrics</c>), and a local server process's peak resident set (/proc/&lt;pid&gt;/status VmHWM).
/// Each is null when the server does not answer it (vLLM, SGLang, llama-server without --metrics).
/// </summary>
internal sealed class ServerProbe : IDisposable
{
    private const string PromptTokensMetric = "llamacpp:prompt_tokens_total";

    private readonly HttpClient http;

    public ServerProbe(Uri endpoint)
    {
        http = new HttpClient { BaseAddress = new ServedEngineOptions(endpoint).BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The server's slots and the context of one slot, from /props; nulls where it does not say.</summary>
    public (int? Slots, int? ContextPerSlot) Props()
    {
        var text = GetOrNull("props");
        if (text is null)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            int? slots = root.TryGetProperty("total_slots", out var s) && s.TryGetInt32(out var n) ? n : null;
            int? context = root.TryGetProperty("default_generation_settings", out var settings) && settings.ValueKind == JsonValueKind.Object
                && settings.TryGetProperty("n_ctx", out var c) && c.TryGetInt32(out var m) && m > 0 ? m : null;
            return (slots, context);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>The prompt tokens the server has processed since it started (cached ones not counted), or null without llama.cpp's /metrics.</summary>
    public long? PromptTokensProcessed()
    {
        var text = GetOrNull("metrics");
        return text is null ? null : PromptTokensIn(text);
    }

    /// <summary>The value of <c>llamacpp:prompt_tokens_total</c> in a Prometheus text exposition, or null when it has none.</summary>
    public static long? PromptTokensIn(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var line in metrics.Split('\n'))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == PromptTokensMetric
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return (long)Math.Round(value);
            }
        }

        return null;
    }

    /// <summary>The peak resident set (VmHWM) of process <paramref name="processId"/>, or null when /proc does not show it.</summary>
    public static long? PeakRssOf(int? processId)
    {
        if (processId is not { } pid)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is not null && long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), out var kilobytes) ? kilobytes * 1024 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? GetOrNull(string path)
    {
        try
        {
            using var response = http.GetAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? response.Content.ReadAsStringAsync().GetAwaiter().GetResult() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();
}
