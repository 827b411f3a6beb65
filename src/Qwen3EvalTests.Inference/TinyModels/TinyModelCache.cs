using System.Security.Cryptography;
using System.Text.Json;

namespace Qwen3EvalTests.Inference.TinyModels;

/// <summary>
/// Generates a tiny model once per spec under a root folder and reuses it while its tiny_model.json matches.
/// Writes to a temporary folder and renames it into place, so parallel processes never see a half-written model.
/// </summary>
public static class TinyModelCache
{
    /// <summary>The folder of <paramref name="spec"/> under <paramref name="rootDir"/>, generating it if needed.</summary>
    public static string GetOrCreate(TinyModelSpec spec, string rootDir)
    {
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new TinyModelManifest(TinyModelSpec.FormatVersion, spec), TinyModelJsonContext.Default.TinyModelManifest);
        var key = Convert.ToHexStringLower(SHA256.HashData(manifest))[..16];
        var folder = Path.Combine(rootDir, $"tiny-{spec.Tokenizer.ToString().ToLowerInvariant()}-{key}");
        if (Matches(folder, manifest))
        {
            return folder;
        }

        Directory.CreateDirectory(rootDir);
        var staging = Path.Combine(rootDir, $".staging-{Guid.NewGuid():N}");
        try
        {
            TinyModelGenerator.Generate(spec, staging);
            if (Directory.Exists(folder) && !Matches(folder, manifest))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
        }
        catch (IOException) when (Matches(folder, manifest))
        {
            // Another process renamed its copy into place first.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return folder;
    }

    private static bool Matches(string folder, byte[] manifest)
    {
        var path = Path.Combine(folder, TinyModelManifest.FileName);
        return File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(manifest);
    }
}
