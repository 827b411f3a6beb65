namespace Qwen3EvalTests.Models;

/// <summary>
/// One walk of a model folder for <see cref="ModelFolderSandbox.Survey"/>. A symlink is followed only to a target inside
/// the folder; a folder symlink whose target holds the link (<c>self -&gt; .</c>, a link to a parent) or is already on the
/// way down is a loop; every file is opened once for reading, so an unreadable one is reported here rather than by GenAI
/// or the hash later; a parsed file (<see cref="ModelFolderSandbox.IsParsedFile"/>) above
/// <see cref="ModelFolderSandbox.MaxParsedFileBytes"/> is refused.
/// </summary>
internal sealed class ModelFolderWalk(ModelFolderSandbox sandbox)
{
    /// <summary>Folders below the model folder the walk goes into at most (no export nests more than two or three).</summary>
    public const int MaxDepth = 32;

    private readonly List<ModelFolderFile> _files = [];
    private readonly List<InputProblem> _problems = [];

    public ModelFolderSurvey Run()
    {
        Walk(sandbox.Folder, sandbox.RealFolder, "", [sandbox.RealFolder]);
        return new ModelFolderSurvey([.. _files.OrderBy(file => file.RelativePath, StringComparer.Ordinal)], _problems);
    }

    /// <param name="shown">The folder as listed (under the model folder as given).</param>
    /// <param name="real">The same folder after symlinks.</param>
    /// <param name="relative">Its path relative to the model folder, '/'-terminated ("" for the model folder).</param>
    /// <param name="way">The real folders from the model folder down to this one.</param>
    private void Walk(string shown, string real, string relative, List<string> way)
    {
        if (way.Count > MaxDepth)
        {
            Refuse(shown, $"is more than {MaxDepth} folders below the model folder; a model export is flat: move its files up or remove the folder.");
            return;
        }

        string[] entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(shown).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Refuse(shown, e is UnauthorizedAccessException
                ? "cannot be listed (permission denied); make the folder readable by this user (chmod a+rx) or remove it from the model folder."
                : ModelFolderSandbox.UnreadableReason(e));
            return;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            try
            {
                Visit(entry, Path.Join(real, name), relative + name, way);
            }
            catch (EvalInputException e)
            {
                _problems.Add(InputProblem.From(e, entry));
            }
        }
    }

    private void Visit(string entry, string realIfNotLink, string relative, List<string> way)
    {
        var linkTarget = ModelFolderSandbox.Guarded(entry, () => new FileInfo(entry).LinkTarget);
        var real = realIfNotLink;
        if (linkTarget is not null)
        {
            real = ModelFolderSandbox.RealPath(entry);
            if (!sandbox.IsInside(real))
            {
                Refuse(entry, $"is a symlink that {sandbox.OutsideReason(real)}");
                return;
            }

            if (!File.Exists(real) && !Directory.Exists(real))
            {
                Refuse(entry, $"is a symlink to {linkTarget}, which does not exist; remove the link, or copy the file it stood for into the model folder.");
                return;
            }
        }

        if (Directory.Exists(real))
        {
            if (linkTarget is not null && way.Any(above => ModelFolderSandbox.IsSameOrUnder(above, real)))
            {
                Refuse(entry, $"is a symlink to {real}, a folder that holds the link itself, so the model folder would contain itself without end (a symlink loop); remove the link.");
                return;
            }

            Walk(entry, real, relative + "/", [.. way, real]);
            return;
        }

        var length = ModelFolderSandbox.Guarded(entry, () => new FileInfo(real).Length);
        if (ModelFolderSandbox.IsParsedFile(entry) && length > ModelFolderSandbox.MaxParsedFileBytes)
        {
            Refuse(entry, ModelFolderSandbox.TooBigReason(length));
            return;
        }

        ModelFolderSandbox.Guarded(entry, () =>
        {
            using var readable = File.OpenHandle(real, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        });
        _files.Add(new ModelFolderFile(relative, real));
    }

    private void Refuse(string path, string reason) => _problems.Add(new InputProblem(path, null, null, reason));
}
