using System.Text.RegularExpressions;

namespace Qwen3EvalTests.Models;

/// <summary>
/// An endpoint URL as the harness shows it anywhere (messages, engine descriptions, results, cache identity text): the userinfo
/// (<c>user:secret@</c>) and every query-string value replaced by <c>***</c>, so a credential in the URL is never printed, logged
/// or recorded. The one redaction every place that shows an endpoint uses; a URL without either is unchanged.
/// </summary>
public static partial class RedactedEndpoint
{
    /// <summary>The redaction mark.</summary>
    public const string Mark = "***";

    /// <summary><paramref name="endpoint"/> without its credentials.</summary>
    public static string Of(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri ? Of(endpoint.OriginalString) : endpoint.OriginalString;
    }

    /// <summary>
    /// <paramref name="endpoint"/> (text as the user gave it, well-formed or not) without its credentials: what lies between
    /// <c>://</c> and the last <c>@</c> of the authority, and each value after <c>?</c>.
    /// </summary>
    public static string Of(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = UserInfo().Replace(endpoint, m => m.Groups["scheme"].Value + Mark + "@");
        var query = text.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? text : text[..(query + 1)] + QueryValue().Replace(text[(query + 1)..], m => m.Groups["name"].Value + "=" + Mark);
    }

    [GeneratedRegex(@"(?<scheme>^[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#]*@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<name>[^&=#]+)=[^&#]*")]
    private static partial Regex QueryValue();
}
