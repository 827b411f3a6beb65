using System.Security.Cryptography;

namespace Qwen3EvalTests.Provenance;

/// <summary>The SHA-256 of a file's bytes, lower-case hex: how the manifest records every model and data file.</summary>
public static class FileSha256
{
    public static string Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
