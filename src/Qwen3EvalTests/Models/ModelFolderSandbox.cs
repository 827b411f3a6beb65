using System.Globalization;

namespace Qwen3EvalTests.Models;

/// <summary>
/// A model folder read as a sandbox: the one home of the rule that everything the harness reads or hashes for a model lies
/// inside its folder. A path the folder names (a genai_config.json field, an ONNX graph's external data) must be relative
/// and resolve inside the folder after every symlink; an entry of the folder (a file, a folder, a symlink) must resolve
/// inside it too, must not loop, must be readable, and a file the harness parses (<see cref="IsParsedFile"/>) must be at
/// most <see cref="MaxParsedFileBytes"/>. A symlink whose target is inside the folder is followed; one that leaves the
/// folder is refused, never skipped: a skipped file would change what the model is without changing its hash. Every
/// breach, and every file-system error on the way, is an <see cref="EvalInputException"/> naming the path and what to do.
/// <c>qwen3eval model inspect</c>, <c>run</c> (through the GenAI model folder check) and the model hash
/// (<c>ModelFileHashes</c>) all read the folder through this type.
/// </summary>
public sealed class ModelFolderSandbox
{
    /// <summary>
    /// The largest file the harness parses whole (genai_config.json, tokenizer.json, tokenizer_config.json, the chat
    /// template: *.json, *.jinja, *.txt): 64 MiB. The largest published tokenizer.json is a few tens of MB (Gemma 3's
    /// ~33 MB, Qwen3's 11 MB), config files a few KB; a bigger one is not the model's file, and reading it would take
    /// memory in proportion (a 2 GB tokenizer.json cannot even be read into one array). Weights (.onnx, .onnx.data,
    /// .gguf, .safetensors) are streamed when hashed and are not limited.
    /// </summary>
    public const long MaxParsedFileBytes = 64L * 1024 * 1024;

    /// <summary>Symlinks followed to resolve one path before it counts as a loop (Linux's own limit, ELOOP, is 40).</summary>
    public const int MaxSymlinkHops = 40;

    private static readonly string[] ParsedExtensions = [".json", ".jinja", ".txt"];

    private ModelFolderSandbox(string folder, string realFolder)
    {
        Folder = folder;
        RealFolder = realFolder;
    }

    /// <summary>The folder's full path as given.</summary>
    public string Folder { get; }

    /// <summary>The folder's path after every symlink: what "inside" is measured against.</summary>
    public string RealFolder { get; }

    private static StringComparison PathComparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <exception cref="EvalInputException">The folder does not exist, is a file, or its path cannot be resolved.</exception>
    public static ModelFolderSandbox Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full))
        {
            throw new EvalInputException(
                File.Exists(full)
                    ? "is a file; pass the model folder that holds genai_config.json, the ONNX model and the tokenizer files."
                    : "the model folder does not exist; check the path, or generate a test model with 'qwen3eval tiny-model --out DIR'.",
                full);
        }

        return new ModelFolderSandbox(full, RealPath(full));
    }

    /// <summary>True for a file the harness parses whole, so <see cref="MaxParsedFileBytes"/> applies (*.json, *.jinja, *.txt).</summary>
    public static bool IsParsedFile(string path) =>
        ParsedExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The full path, under <see cref="Folder"/>, of a path the folder names: <paramref name="named"/> relative to
    /// <paramref name="relativeTo"/> (a folder inside this one; null: the folder itself).
    /// </summary>
    /// <param name="named">The path as written (e.g. genai_config.json's model.decoder.filename).</param>
    /// <param name="namedIn">The file that names it (reported as the file at fault).</param>
    /// <param name="field">Where in that file (a JSON path such as model.decoder.filename), or null for a fixed file name.</param>
    /// <param name="relativeTo">The folder the path is relative to, or null for <see cref="Folder"/>.</param>
    /// <exception cref="EvalInputException">The path is absolute, or resolves outside the folder, or through a symlink loop.</exception>
    public string Resolve(string named, string namedIn, string? field, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(named);
        if (Path.IsPathRooted(named))
        {
            throw new EvalInputException(
                $"'{named}' is an absolute path; a model folder names its files relative to itself, and the harness reads only files inside {Folder}. Copy the file into the folder and name it relative to it (e.g. '{Path.GetFileName(named)}').",
                namedIn,
                field: field);
        }

        var shown = Path.Combine(relativeTo ?? Folder, named);
        string real;
        try
        {
            real = RealPath(shown);
        }
        catch (EvalInputException e)
        {
            throw new EvalInputException($"'{named}': {e.Reason}", namedIn, field: field, inner: e);
        }

        if (!IsInside(real))
        {
            throw new EvalInputException($"'{named}' {OutsideReason(real)}", namedIn, field: field);
        }

        return Path.Join(Folder, Path.GetRelativePath(RealFolder, real));
    }

    /// <summary>Every file of the folder (sub-folders and symlinks inside it included) and every problem found on the way.</summary>
    public ModelFolderSurvey Survey() => new ModelFolderWalk(this).Run();

    /// <summary>Every file of the folder, by path relative to it, sorted.</summary>
    /// <exception cref="EvalInputException">Any entry breaks the sandbox (every problem listed together).</exception>
    public IReadOnlyList<ModelFolderFile> Files()
    {
        var survey = Survey();
        var problems = new InputProblemList(Folder);
        problems.AddRange(survey.Problems);
        problems.ThrowIfAny($"the model folder {Folder}");
        return survey.Files;
    }

    /// <summary>The bytes of a file the harness parses (a config, a tokenizer, a chat template), at most <see cref="MaxParsedFileBytes"/>.</summary>
    /// <exception cref="EvalInputException">The file is too big, unreadable or gone.</exception>
    public static byte[] ReadParsedFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Guarded(path, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxParsedFileBytes)
            {
                throw new EvalInputException(TooBigReason(stream.Length), path);
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        });
    }

    /// <summary>A stream over a file the harness reads in full without parsing it whole (an ONNX graph, weights to hash).</summary>
    /// <exception cref="EvalInputException">The file is unreadable or gone.</exception>
    public static FileStream OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Guarded(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
    }

    /// <summary>Runs a read of <paramref name="path"/>, turning every file-system error into an input problem naming it.</summary>
    /// <exception cref="EvalInputException">The read failed.</exception>
    public static T Guarded<T>(string path, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>The input problem a file-system error <paramref name="e"/> on <paramref name="path"/> is: what it means and what to do.</summary>
    public static EvalInputException Unreadable(string path, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EvalInputException(UnreadableReason(e), path, inner: e);
    }

    /// <summary>"cannot be read (…); …": what a file-system error means and what to do, without the exception's type.</summary>
    internal static string UnreadableReason(Exception e) => e switch
    {
        UnauthorizedAccessException => "cannot be read (permission denied); make it readable by this user (e.g. chmod a+r) or remove it from the model folder.",
        FileNotFoundException or DirectoryNotFoundException => "cannot be read (it is gone: removed or renamed while the harness read the folder); restore it and run again.",
        _ => $"cannot be read (the system reports: {e.Message.TrimEnd('.')}); check the file and the disk, then run again.",
    };

    internal static string TooBigReason(long length) => string.Create(
        CultureInfo.InvariantCulture,
        $"is {length / (1024.0 * 1024.0):F1} MiB ({length} bytes), more than the {MaxParsedFileBytes / (1024 * 1024)} MiB the harness parses for a config, tokenizer or template file (a real tokenizer.json is a few tens of MB at most); this is not the model's file: replace it with the model's own.");

    internal string OutsideReason(string real) =>
        $"resolves to {real}, outside the model folder {Folder}: the harness reads and hashes only files inside the folder. Copy the file into the folder (cp -L copies a symlink's target) and name it by a path relative to the folder.";

    internal bool IsInside(string real) =>
        string.Equals(real, RealFolder, PathComparison) || IsUnder(real, RealFolder);

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="folder"/>.</summary>
    internal static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, PathComparison);

    internal static bool IsSameOrUnder(string path, string folder) =>
        string.Equals(path, folder, PathComparison) || IsUnder(path, folder);

    /// <summary>
    /// <paramref name="path"/> (absolute) with every symlink resolved, component by component, as the operating system
    /// would follow it; a missing component ends the resolution as written. At most <see cref="MaxSymlinkHops"/> links.
    /// </summary>
    /// <exception cref="EvalInputException">A symlink loop, or a component that cannot be examined (permission denied).</exception>
    internal static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path) ?? throw new ArgumentException("The path must be absolute.", nameof(path));
        var pending = new Stack<string>();
        PushComponents(pending, path[root.Length..]);
        var current = root;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = Guarded(next, () => new FileInfo(next).LinkTarget);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxSymlinkHops)
            {
                throw new EvalInputException(
                    string.Create(CultureInfo.InvariantCulture, $"is a symlink that never resolves (a loop of symlinks: more than {MaxSymlinkHops} links followed from {path}); remove the link, or point it at a file inside the model folder."),
                    next);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                PushComponents(pending, target[current.Length..]);
            }
            else
            {
                PushComponents(pending, target);
            }
        }

        return current;
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
