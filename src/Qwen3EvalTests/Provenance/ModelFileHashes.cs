using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Provenance;

/// <summary>
/// The SHA-256 of every file of a model folder (ONNX, external data, genai_config.json, tokenizer files,
/// chat template), sub-folders included, by path relative to the folder: the one rule by which the
/// manifest, the run identity and the cache key know a model. The folder is read through
/// <see cref="ModelFolderSandbox"/>: a symlink inside the folder is hashed by its own name with its target's bytes; a
/// symlink that leaves the folder, a symlink loop, an unreadable file or a parsed file above
/// <see cref="ModelFolderSandbox.MaxParsedFileBytes"/> is refused (never skipped: a skipped file would change the model
/// without changing its hash). Hashed once per process for an unchanged folder (an 8B fp16 folder is ~16 GB): a repeat,
/// a second benchmark or a second gate case reuses it.
/// </summary>
public static class ModelFileHashes
{
    private static readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyDictionary<string, string> Hashes)> Known = new(StringComparer.Ordinal);

    /// <exception cref="EvalInputException">The folder does not exist, or an entry of it breaks the sandbox or cannot be read.</exception>
    public static IReadOnlyDictionary<string, string> Of(string folder)
    {
        var sandbox = ModelFolderSandbox.Open(folder);
        var files = sandbox.Files();
        var stamp = Stamp(files);
        if (Known.TryGetValue(sandbox.Folder, out var known) && known.Stamp == stamp)
        {
            return known.Hashes;
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hashes[file.RelativePath] = ModelFolderSandbox.Guarded(file.FullPath, () =>
            {
                using var stream = ModelFolderSandbox.OpenRead(file.FullPath);
                return Convert.ToHexStringLower(SHA256.HashData(stream));
            });
        }

        Known[sandbox.Folder] = (stamp, hashes);
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

    private static string Stamp(IEnumerable<ModelFolderFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var (length, written) = ModelFolderSandbox.Guarded(file.FullPath, () =>
            {
                var info = new FileInfo(file.FullPath);
                return (info.Length, info.LastWriteTimeUtc.Ticks);
            });
            text.Append(CultureInfo.InvariantCulture, $"{file.RelativePath}\t{file.FullPath}\t{length}\t{written}\n");
        }

        return text.ToString();
    }
}
