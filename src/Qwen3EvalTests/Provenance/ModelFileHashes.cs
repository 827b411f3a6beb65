using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qwen3EvalTests.Provenance;

/// <summary>
/// The SHA-256 of every file of a model folder (ONNX, external data, genai_config.json, tokenizer files,
/// chat template), sub-folders included, by path relative to the folder: the one rule by which the
/// manifest, the run identity and the cache key know a model. Hashed once per process for an unchanged
/// folder (an 8B fp16 folder is ~16 GB): a repeat, a second benchmark or a second gate case reuses it.
/// </summary>
public static class ModelFileHashes
{
    private static readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyDictionary<string, string> Hashes)> Known = new(StringComparer.Ordinal);

    /// <exception cref="EvalInputException">The folder does not exist.</exception>
    public static IReadOnlyDictionary<string, string> Of(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new EvalInputException("the model folder does not exist; pass an existing GenAI model folder.", full);
        }

        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var stamp = Stamp(full, files);
        if (Known.TryGetValue(full, out var known) && known.Stamp == stamp)
        {
            return known.Hashes;
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hashes[Relative(full, file)] = FileSha256.Of(file);
        }

        Known[full] = (stamp, hashes);
        return hashes;
    }

    /// <summary>SHA-256 over the sorted "relative path, file SHA-256" lines: the model's one hash.</summary>
    public static string Combined(IReadOnlyDictionary<string, string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var lines = new StringBuilder();
        foreach (var (name, hash) in hashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{name}\t{hash}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static string Stamp(string folder, IEnumerable<string> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            text.Append(CultureInfo.InvariantCulture, $"{Relative(folder, file)}\t{info.Length}\t{info.LastWriteTimeUtc.Ticks}\n");
        }

        return text.ToString();
    }
}
