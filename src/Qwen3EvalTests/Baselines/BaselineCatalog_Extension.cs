namespace Qwen3EvalTests.Baselines;

public sealed partial class BaselineCatalog
{
    /// <summary>
    /// This catalogue with <paramref name="extension"/>'s sources and baselines added (a project's own file beside the shipped
    /// official one). An id both define is refused, naming both files: an extension adds numbers, it never silently replaces one.
    /// </summary>
    /// <exception cref="EvalInputException">A source or baseline id is in both files.</exception>
    public BaselineCatalog ExtendedWith(BaselineCatalog extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var problems = new InputProblemList(extension.File);
        foreach (var id in extension.Sources.Keys.Where(Sources.ContainsKey))
        {
            problems.Add("sources." + id, $"is already a source of {File}; give it another id.");
        }

        foreach (var baseline in extension.All.Where(b => FindById(b.Id) is not null))
        {
            problems.Add("baselines." + baseline.Id, $"is already a baseline of {File}; give it another id (an extension adds numbers, it does not replace them).");
        }

        problems.ThrowIfAny("the baselines file");
        var sources = Sources.Concat(extension.Sources).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new BaselineCatalog(File, sources, [.. All, .. extension.All]);
    }
}
