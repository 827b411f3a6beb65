using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli;

/// <summary>
/// Where a command outside the gate finds the published numbers and the suites that name models: <c>--baselines FILE</c>;
/// else the repository's <c>baselines/official.json</c> (above the current folder); else the copy shipped with the program
/// (<c>baselines/official.json</c> beside it), so `run` and `report` know the official numbers from any folder. A
/// <c>baselines/official.json</c> in the current folder (a consumer's own numbers) extends the shipped copy.
/// </summary>
public static class BaselineCatalogLocation
{
    /// <summary>The shipped copy, relative to the program's folder.</summary>
    public const string ShippedRelativePath = "baselines/official.json";

    /// <summary>The catalogue for <paramref name="option"/>, or the first found; null when none is (a build without the shipped copy).</summary>
    public static BaselineCatalog? Load(string? option, string currentFolder)
    {
        if (option is not null)
        {
            return BaselineCatalog.Load(option);
        }

        if (RepositoryCatalog(currentFolder) is { } repository)
        {
            return BaselineCatalog.Load(repository);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, ShippedRelativePath);
        if (!File.Exists(shipped))
        {
            return null;
        }

        var catalog = BaselineCatalog.Load(shipped);
        var own = Path.Combine(currentFolder, BaselineCatalog.RelativePath);
        return File.Exists(own) ? catalog.ExtendedWith(BaselineCatalog.Load(own)) : catalog;
    }

    /// <summary>
    /// The models of the suites in reach (the repository's <c>evalsuites/</c>, else the current folder's), which map a model
    /// folder name to its baseline id; a suite that does not load is left out and reported through <paramref name="note"/>.
    /// </summary>
    public static IReadOnlyList<SuiteModel> SuiteModels(BaselineCatalog catalog, string currentFolder, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var root = RepositoryCatalog(currentFolder) is not null ? RepositoryLayout.TryFindRoot(currentFolder)! : currentFolder;
        var folder = Path.Combine(root, SuiteLoader.RelativeDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        try
        {
            return [.. SuiteLoader.LoadAll(folder, catalog).SelectMany(s => s.Models)];
        }
        catch (EvalInputException e)
        {
            note($"note: the suites in {folder} were not read to match the model with a baseline ({e.Message.Split('\n')[0]})");
            return [];
        }
    }

    /// <summary>
    /// The catalogue the suites of a folder holding evalsuites/ resolve against (<c>baseline record</c>): the copy shipped with the
    /// program (else the repository's that holds the program), extended by the folder's own <c>baselines/official.json</c> when it
    /// is not that same file — a consumer's <c>baseline: both</c> case may name a shipped number or one of its own.
    /// </summary>
    public static BaselineCatalog ForSuitesIn(string folder)
    {
        var own = RepositoryLayout.Under(folder, RepositoryLayout.OfficialBaselines);
        var beside = Path.Combine(AppContext.BaseDirectory, ShippedRelativePath);
        var shipped = File.Exists(beside) ? beside
            : RepositoryLayout.TryFindRoot(AppContext.BaseDirectory) is { } root && File.Exists(RepositoryLayout.Under(root, RepositoryLayout.OfficialBaselines))
                ? RepositoryLayout.Under(root, RepositoryLayout.OfficialBaselines)
                : null;
        if (shipped is null)
        {
            return BaselineCatalog.Load(own);
        }

        // This repository's own file is the shipped one (copied beside the program): the same bytes are not an extension.
        var catalog = BaselineCatalog.Load(shipped);
        return File.Exists(own) && !File.ReadAllBytes(own).AsSpan().SequenceEqual(File.ReadAllBytes(shipped))
            ? catalog.ExtendedWith(BaselineCatalog.Load(own))
            : catalog;
    }

    private static string? RepositoryCatalog(string currentFolder) =>
        RepositoryLayout.TryFindRoot(currentFolder) is { } root && File.Exists(Path.Combine(root, BaselineCatalog.RelativePath))
            ? Path.Combine(root, BaselineCatalog.RelativePath)
            : null;
}
