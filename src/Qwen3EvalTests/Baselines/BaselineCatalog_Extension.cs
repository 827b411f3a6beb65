namespace Qwen3EvalTests.Baselines;

public sealed partial class BaselineCatalog
{
    /// <summary>
    /// This catalogue with <paramref name="extension"/>'s sources and baselines added (a project's own file beside the shipped
    /// official one). An id both define differently is refused, naming both files: an extension adds numbers, it never silently
    /// replaces one. An entry both define identically (a copy of the shipped file, or part of it) replaces nothing and is kept once.
    /// </summary>
    /// <exception cref="EvalInputException">A source or baseline id is in both files with different contents.</exception>
    public BaselineCatalog ExtendedWith(BaselineCatalog extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var problems = new InputProblemList(extension.File);
        foreach (var id in extension.Sources.Keys.Where(id => Sources.TryGetValue(id, out var mine) && mine != extension.Sources[id]))
        {
            problems.Add("sources." + id, $"is already a source of {File}, with other contents; give it another id.");
        }

        foreach (var baseline in extension.All.Where(b => FindById(b.Id) is { } mine && !Same(mine, b)))
        {
            problems.Add("baselines." + baseline.Id, $"is already a baseline of {File}, with other contents; give it another id (an extension adds numbers, it does not replace them).");
        }

        problems.ThrowIfAny("the baselines file");
        var sources = Sources.Concat(extension.Sources.Where(p => !Sources.ContainsKey(p.Key))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new BaselineCatalog(File, sources, [.. All, .. extension.All.Where(b => FindById(b.Id) is null)]);
    }

    private static readonly IReadOnlyList<string> NoSourceIds = [];

    private static bool Same(Baseline a, Baseline b) =>
        a with { SourceIds = NoSourceIds } == b with { SourceIds = NoSourceIds } && a.SourceIds.SequenceEqual(b.SourceIds, StringComparer.Ordinal);
}
