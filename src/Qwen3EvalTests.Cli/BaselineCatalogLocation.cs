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

    private static string? RepositoryCatalog(string currentFolder) =>
        RepositoryLayout.TryFindRoot(currentFolder) is { } root && File.Exists(Path.Combine(root, BaselineCatalog.RelativePath))
            ? Path.Combine(root, BaselineCatalog.RelativePath)
            : null;
}
