using System.Security.Cryptography;
using System.Text;

using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Provenance;

/// <summary>
/// The identity of a run: one SHA-256 over <see cref="ScoreFactors"/>, the one list of everything that can change
/// its score. Two runs with the same identity should give the same answers (up to nondeterminism of the engine).
/// </summary>
public static class RunIdentity
{
    /// <summary>The canonical text the hash is taken over: one "key=value" line per <see cref="ScoreFactors"/> entry, in its order.</summary>
    public static string CanonicalText(RunSettings settings, RunEnvironment environment)
    {
        var text = new StringBuilder();
        text.Append("identity-version=3\n");
        foreach (var factor in ScoreFactors.Of(settings, environment))
        {
            text.Append(factor.Key).Append('=').Append(factor.Value ?? "(none)").Append('\n');
        }

        return text.ToString();
    }

    /// <summary>SHA-256 (lower-case hex) of <see cref="CanonicalText"/>.</summary>
    public static string Of(RunSettings settings, RunEnvironment environment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(settings, environment))));

    /// <summary>SHA-256 (lower-case hex) of any text, e.g. a protocol's printed template record.</summary>
    public static string HashText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
