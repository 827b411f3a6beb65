using System.Security.Cryptography;
using System.Text;

namespace Qwen3EvalTests.Prompts;

/// <summary>SHA-256 (lower-case hex) of a template record's printed form: every string of the record, in order.</summary>
public static class TemplateFingerprint
{
    public static string Of(object templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(templates.ToString() ?? string.Empty)));
    }
}
